import { applyDecorators, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Database } from '@spineqc/database';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { answered } from '../errors/answered.js';
import { agreementQuerySchema, disputedQuerySchema } from './feedback-query.js';
import { Requires } from '../auth/requires.decorator.js';

/** The exam filters both routes take, with the meaning `/api/stats` gives them. */
const ApiExamFilters = () =>
  applyDecorators(
    ApiQuery({ name: 'from', required: false, description: 'exam received at or after (ISO date-time)' }),
    ApiQuery({ name: 'to', required: false, description: 'exam received before (ISO date-time)' }),
    ApiQuery({ name: 'station', required: false }),
    ApiQuery({ name: 'technologist', required: false }),
    ApiQuery({ name: 'view', required: false, enum: ['ap', 'lateral', 'oblique'] }),
  );

@ApiTags('feedback')
@Controller('api/feedback')
@Requires('feedback.review')
export class FeedbackController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  @Get('disputed')
  @ApiOperation({
    summary: 'Exams whose latest feedback disagrees with the verdict, newest first (keyset cursor)',
  })
  @ApiExamFilters()
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 50' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ description: '{ items: [{ exam, feedback }], nextCursor }' })
  disputed(@Query() query: Record<string, unknown>) {
    const q = parseInput(disputedQuerySchema, query);
    return answered(() => this.db.feedback.listDisputed(q));
  }

  @Get('agreement')
  @ApiOperation({
    summary:
      "Reviewers' agreement per criterion: an entry counts for each criterion its exam failed and the one it " +
      "disputes; entries on qualified exams count under key ''",
  })
  @ApiExamFilters()
  @ApiOkResponse({ description: '{ rows: [{ key, feedback, agree, disagree, agreementRate }] }' })
  async agreement(@Query() query: Record<string, unknown>) {
    return { rows: await this.db.feedback.agreement(parseInput(agreementQuerySchema, query)) };
  }
}
