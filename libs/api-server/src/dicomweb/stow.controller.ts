import { Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SpineqcConfig } from '@spineqc/config';
import type { Request, Response } from 'express';
import { ApiError, isApiError } from '../errors/api-error.js';
import { IngestService } from '../ingest/ingest.service.js';
import { CONFIG } from '../tokens.js';
import { essenceOf } from './media-type.js';
import { parseMultipartRelated, StowError } from './multipart.js';
import { stowResponse, type StowResult } from './stow-response.js';
import { IngestRateLimited, Requires } from '../auth/requires.decorator.js';
import { withBoundPort } from '../alerts/bound-url.js';

/** DICOMweb STOW-RS (PS3.18 §10.5): multipart/related; type="application/dicom". */
@ApiTags('dicomweb')
@Controller('dicomweb/studies')
@Requires('exams.ingest')
@IngestRateLimited()
export class StowController {
  constructor(
    private readonly ingest: IngestService,
    @Inject(CONFIG) private readonly config: SpineqcConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Store instances (STOW-RS)' })
  store(@Req() request: Request, @Res() response: Response) {
    return this.handle(request, response);
  }

  @Post(':study')
  @ApiOperation({ summary: 'Store instances of one study (STOW-RS)' })
  storeInStudy(@Param('study') study: string, @Req() request: Request, @Res() response: Response) {
    return this.handle(request, response, study);
  }

  private async handle(request: Request, response: Response, studyInstanceUid?: string) {
    const body: unknown = request.body;
    if (!Buffer.isBuffer(body)) {
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        'STOW-RS takes multipart/related; type="application/dicom"',
      );
    }
    let parts;
    try {
      parts = parseMultipartRelated(
        new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
        request.headers['content-type'] ?? '',
      ).parts;
    } catch (error) {
      if (error instanceof StowError) {
        throw new ApiError(
          error.code === 'UNSUPPORTED_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST',
          error.message,
        );
      }
      throw error;
    }
    const results: StowResult[] = [];
    for (const part of parts) {
      if (essenceOf(part.contentType) !== 'application/dicom') {
        const reason = `part of type ${part.contentType || '(none)'}: only application/dicom instances are stored`;
        results.push({ ok: false, code: 'UNSUPPORTED_MEDIA_TYPE', reason });
        continue;
      }
      try {
        const r = await this.ingest.ingest({
          bytes: part.bytes,
          source: 'stow-rs',
          remoteAddress: request.ip,
        });
        results.push({ ok: true, ...r });
      } catch (error) {
        const e = isApiError(error)
          ? error
          : new ApiError('INTERNAL', String((error as Error).message ?? error));
        results.push({
          ok: false,
          sopClassUid: e.sopClassUid,
          sopInstanceUid: e.sopInstanceUid,
          code: e.code,
          reason: e.message,
        });
      }
    }
    const {
      status,
      body: json,
      warnings,
    } = stowResponse(results, {
      retrieveBaseUrl: `${withBoundPort(this.config.http.publicUrl, request.socket.localPort ?? 0)}/dicomweb`,
      studyInstanceUid,
    });
    if (warnings.length) response.setHeader('Warning', warnings);
    // Exactly "application/dicom+json", without the charset parameter Express would add: DICOMweb
    // clients compare the media type literally.
    response.status(status).setHeader('Content-Type', 'application/dicom+json');
    response.end(Buffer.from(JSON.stringify(json)));
  }
}
