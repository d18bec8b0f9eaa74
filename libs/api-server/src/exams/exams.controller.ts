import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Database } from '@spineqc/database';
import type { Response } from 'express';
import { ApiError } from '../errors/api-error.js';
import { RenderService, type RenderKind } from '../renders/render.service.js';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { examIdSchema, examListQuerySchema } from './exam-query.js';
import { Requires } from '../auth/requires.decorator.js';

@ApiTags('exams')
@Controller('api/exams')
export class ExamsController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly renders: RenderService,
  ) {}

  @Get()
  @Requires('exams.read', 'station-query')
  @ApiOperation({ summary: 'Exam history, newest first, filtered and paginated (keyset cursor)' })
  @ApiQuery({ name: 'station', required: false })
  @ApiQuery({ name: 'technologist', required: false })
  @ApiQuery({ name: 'view', required: false, enum: ['ap', 'lateral', 'oblique'] })
  @ApiQuery({ name: 'qualified', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'criterion', required: false, description: 'exams that failed this criterion' })
  @ApiQuery({ name: 'status', required: false, enum: ['received', 'judged', 'failed'] })
  @ApiQuery({ name: 'from', required: false, description: 'ISO date-time, inclusive' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO date-time, exclusive' })
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 50' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ description: '{ items, nextCursor, total }' })
  list(@Query() query: Record<string, unknown>) {
    return this.db.exams.listExams(parseInput(examListQuerySchema, query));
  }

  @Get(':id')
  @Requires('exams.read', 'exam-param')
  @ApiOperation({ summary: 'One exam: verdict, criteria with measurements, model and rules versions' })
  async get(@Param('id') id: string) {
    const exam = await this.db.exams.getExam(parseInput(examIdSchema, id));
    if (!exam) throw new ApiError('NOT_FOUND', `no exam ${id}`);
    return exam;
  }

  @Get(':id/image')
  @Requires('exams.read', 'exam-param')
  @ApiOperation({
    summary: 'The radiograph as an 8-bit PNG for display (drawn on first request, then cached)',
  })
  @ApiProduces('image/png')
  async image(@Param('id') id: string, @Res() response: Response) {
    await this.sendRender(id, 'image', response);
  }

  @Get(':id/overlay')
  @Requires('exams.read', 'exam-param')
  @ApiOperation({
    summary: 'The radiograph with the segmentation outlined and the verdict written on it (PNG)',
  })
  @ApiProduces('image/png')
  async overlay(@Param('id') id: string, @Res() response: Response) {
    await this.sendRender(id, 'overlay', response);
  }

  private async sendRender(id: string, kind: RenderKind, response: Response) {
    const png = await this.renders.render(parseInput(examIdSchema, id), kind);
    response.setHeader('Content-Type', 'image/png');
    response.setHeader('Cache-Control', 'private, max-age=3600');
    response.end(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  }
}
