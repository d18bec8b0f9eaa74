import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CRITERION_IDS } from '@spineqc/qc-standard';
import { feedbackRequestSchema, FEEDBACK_SOURCES } from '@spineqc/contracts';
import type { Database } from '@spineqc/database';
import { ApiError } from '../errors/api-error.js';
import { examIdSchema } from '../exams/exam-query.js';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { answered } from '../errors/answered.js';

@ApiTags('feedback')
@Controller('api/exams')
export class ExamFeedbackController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  @Post(':id/feedback')
  @ApiOperation({ summary: "Agree or disagree with an exam's verdict (the tablet's or the review page's)" })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['agree', 'author'],
      properties: {
        agree: { type: 'boolean' },
        author: { type: 'string', minLength: 1, maxLength: 64, description: 'the name the reviewer typed' },
        reason: { type: 'string', maxLength: 500 },
        criterion: { type: 'string', enum: [...CRITERION_IDS], description: 'the criterion disputed' },
        source: { type: 'string', enum: [...FEEDBACK_SOURCES], default: 'review' },
      },
    },
  })
  @ApiCreatedResponse({
    description: 'the stored entry: { id, examId, agree, criterion, reason, author, source, createdAt }',
  })
  async add(@Param('id') id: string, @Body() body: unknown) {
    const examId = parseInput(examIdSchema, id);
    const request = parseInput(feedbackRequestSchema, body ?? {});
    return answered(() => this.db.feedback.add({ examId, ...request }));
  }

  @Get(':id/feedback')
  @ApiOperation({ summary: "The exam's feedback, newest first" })
  @ApiOkResponse({ description: '{ items }' })
  async list(@Param('id') id: string) {
    const examId = parseInput(examIdSchema, id);
    const [exam, items] = await Promise.all([
      this.db.exams.getExam(examId),
      this.db.feedback.listForExam(examId),
    ]);
    if (!exam) throw new ApiError('NOT_FOUND', `no exam ${examId}`);
    return { items };
  }
}
