import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Database } from '@spineqc/database';
import { LOGGER, type Logger } from '@spineqc/logging';
import { DATABASE } from '../tokens.js';
import { isApiError } from './api-error.js';
import { HTTP_STATUS } from './http-status.js';

/** Maps every error to `{ error: { code, message } }` with its status; unknown errors are logged, not leaked. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  catch(error: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    if (isApiError(error)) {
      if (error.details.retryAfterSeconds !== undefined) {
        response.setHeader('Retry-After', String(error.details.retryAfterSeconds));
      }
      if (error.code === 'UNAUTHENTICATED') response.setHeader('WWW-Authenticate', 'Bearer realm="spineqc"');
      response.status(HTTP_STATUS[error.code]).json({ error: { code: error.code, message: error.message } });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = status === 413 ? 'TOO_LARGE' : status === 404 ? 'NOT_FOUND' : `HTTP_${status}`;
      if (status === 413) this.recordOversized(request);
      response.status(status).json({ error: { code, message: messageOf(error) } });
      return;
    }
    const e = error as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.too.large') {
      this.recordOversized(request);
      response
        .status(413)
        .json({ error: { code: 'TOO_LARGE', message: 'request body over the size limit' } });
      return;
    }
    this.logger.error('unhandled request error', { error: String(e?.message ?? error) });
    response.status(500).json({ error: { code: 'INTERNAL', message: 'internal error' } });
  }

  /**
   * An image refused for its size is still something received: it gets an ingest-failure record (its bytes are
   * not kept — they are what was too large), so nothing sent is lost silently.
   */
  private recordOversized(request: Request) {
    const source = ingestSourceOf(request);
    if (!source) return;
    const declared = Number(request.headers['content-length']);
    void this.db.exams
      .recordIngestFailure({
        source,
        errorCode: 'TOO_LARGE',
        message:
          'refused: the request body is over the size limit (SPINEQC_MAX_IMAGE_MB); the bytes were not kept',
        remoteAddress: request.ip ?? null,
        sizeBytes: Number.isSafeInteger(declared) && declared > 0 ? declared : 0,
      })
      .catch((failure: Error) =>
        this.logger.error('could not record an oversized upload', { error: failure.message }),
      );
  }
}

/** Where an oversized body was headed: only image intake is an ingest (other routes take no images). */
function ingestSourceOf(request: Request): 'upload' | 'stow-rs' | null {
  if (request.method !== 'POST') return null;
  if (request.path.startsWith('/dicomweb/')) return 'stow-rs';
  if (request.path === '/api/exams') return 'upload';
  return null;
}

function messageOf(error: HttpException): string {
  const body = error.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? error.message);
}
