import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { renderKeys, type DicomTagsJson } from '@spineqc/contracts';
import type { Database, ExamDetail, ImageMetadata } from '@spineqc/database';
import { readDicomHeader, type DecodePool } from '@spineqc/imaging';
import type { ObjectStorage } from '@spineqc/storage';
import type { Response } from 'express';
import { ApiError } from '../errors/api-error.js';
import { DATABASE, DECODE_POOL, STORAGE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { dicomReviewTags } from './dicom-review-tags.js';
import { examIdSchema } from './exam-query.js';
import { ORIGINAL_FILE } from './original-file.js';
import { Requires } from '../auth/requires.decorator.js';

/** What the review page and the relabelling export read of an exam: its acquisition tags, original and segmentation. */
@ApiTags('exams')
@Controller('api/exams')
export class ExamFilesController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(STORAGE) private readonly storage: ObjectStorage,
    @Inject(DECODE_POOL) private readonly pool: DecodePool,
  ) {}

  @Get(':id/dicom-tags')
  @Requires('exams.read', 'exam-param')
  @ApiOperation({
    summary:
      'The acquisition attributes of the stored original (view, station, operator, technique, EI/DI, spacing); ' +
      'never patient identity. PNG and JPEG exams give only Rows and Columns.',
  })
  @ApiOkResponse({ description: '{ format, tags }' })
  async dicomTags(@Param('id') id: string): Promise<DicomTagsJson> {
    const { image } = await this.examWithImage(id);
    const bytes = await this.storage.get(image.storageKey);
    if (image.format === 'dicom') return { format: 'dicom', tags: dicomReviewTags(readDicomHeader(bytes)) };
    const size =
      image.width !== null && image.height !== null
        ? { width: image.width, height: image.height }
        : await this.pool.decode(bytes);
    return { format: image.format, tags: { Rows: size.height, Columns: size.width } };
  }

  @Get(':id/original')
  @Requires('exams.original')
  @ApiOperation({ summary: 'The original as it was received (DICOM Part 10, PNG or JPEG), as a download' })
  @ApiProduces('application/dicom', 'image/png', 'image/jpeg')
  async original(@Param('id') id: string, @Res() response: Response) {
    const exam = await this.examWithImage(id);
    const file = ORIGINAL_FILE[exam.image.format];
    const bytes = await this.storage.get(exam.image.storageKey);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${exam.id}.${file.extension}"`);
    response.setHeader('Content-Length', String(bytes.byteLength));
    response.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  @Get(':id/masks')
  @Requires('exams.read', 'exam-param')
  @ApiOperation({
    summary:
      'The segmentation the worker stored: an 8-bit grey+alpha PNG at the analysis size, one bit per structure ' +
      '(in qc-standard STRUCTURES order) in grey, the vertebral level code in alpha. 404 until the exam is judged.',
  })
  @ApiProduces('image/png')
  async masks(@Param('id') id: string, @Res() response: Response) {
    const exam = await this.exam(id);
    const key = renderKeys(exam.id).masks;
    if (!(await this.storage.exists(key))) throw new ApiError('NOT_FOUND', noMasks(exam));
    const png = await this.storage.get(key);
    response.setHeader('Content-Type', 'image/png');
    response.end(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  }

  private async exam(id: string): Promise<ExamDetail> {
    const exam = await this.db.exams.getExam(parseInput(examIdSchema, id));
    if (!exam) throw new ApiError('NOT_FOUND', `no exam ${id}`);
    return exam;
  }

  private async examWithImage(id: string): Promise<ExamDetail & { image: ImageMetadata }> {
    const exam = await this.exam(id);
    // Retention may have deleted the image while the verdict stays in the history.
    if (!exam.image || !(await this.storage.exists(exam.image.storageKey))) {
      throw new ApiError('NOT_FOUND', `the image of exam ${exam.id} is not stored (any more)`);
    }
    return { ...exam, image: exam.image };
  }
}

function noMasks(exam: ExamDetail): string {
  if (exam.status === 'received') return `exam ${exam.id} is not judged yet: there is no segmentation`;
  if (exam.status === 'failed') return `exam ${exam.id} could not be judged: there is no segmentation`;
  return `exam ${exam.id} is judged but its segmentation is not stored (yet)`;
}
