import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VIEWS } from '@spineqc/qc-standard';
import { z } from 'zod';
import { ApiError } from '../errors/api-error.js';
import { IngestService } from '../ingest/ingest.service.js';
import { parseInput } from '../validation/parse.js';
import { IngestRateLimited, Requires } from '../auth/requires.decorator.js';

const uploadFieldsSchema = z.object({
  station: z.string().trim().max(64).optional(),
  operator: z.string().trim().max(64).optional(),
  view: z.string().optional(),
  pixelSpacingMm: z.coerce.number().positive().max(5).optional(),
});

@ApiTags('ingest')
@Controller('api/exams')
export class UploadController {
  constructor(private readonly ingest: IngestService) {}

  @Post()
  @Requires('exams.ingest')
  @IngestRateLimited()
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({ summary: 'Upload one radiograph (DICOM, PNG or JPEG); the verdict follows on /live' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        station: { type: 'string', description: 'DR room, when the file does not say (PNG/JPEG)' },
        operator: { type: 'string', description: 'technologist, when the file does not say' },
        view: { type: 'string', enum: [...VIEWS] },
        pixelSpacingMm: { type: 'number', description: 'mm per pixel for files without spacing' },
      },
    },
  })
  async upload(@UploadedFile() file: Express.Multer.File | undefined, @Body() body: Record<string, unknown>) {
    if (!file) throw new ApiError('BAD_REQUEST', 'multipart field "file" is required');
    const fields = parseInput(uploadFieldsSchema, body ?? {});
    if (fields.view !== undefined && !(VIEWS as readonly string[]).includes(fields.view)) {
      throw new ApiError('UNKNOWN_VIEW', `view must be one of ${VIEWS.join(', ')}; got "${fields.view}"`);
    }
    const result = await this.ingest.ingest({
      bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength),
      source: 'upload',
      form: { ...fields, view: fields.view as (typeof VIEWS)[number] | undefined },
    });
    return { ...result, links: { exam: `/api/exams/${result.examId}` } };
  }
}
