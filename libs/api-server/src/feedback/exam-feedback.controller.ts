import { Body, Controller, Get, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CRITERION_IDS } from '@spineqc/qc-standard';
import { feedbackRequestSchema, FEEDBACK_SOURCES } from '@spineqc/contracts';
import type { Database } from '@spineqc/database';
import { ApiError } from '../errors/api-error.js';
import { examIdSchema } from '../exams/exam-query.js';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { answered } from '../errors/answered.js';
import { Requires } from '../auth/requires.decorator.js';
import { AuditService } from '../auth/audit.service.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { describePrincipal, type Principal } from '../auth/principal.js';
import type { Request } from 'express';
import { feedbackAuthor } from './feedback-author.js';

@ApiTags('feedback')
@Controller('api/exams')
export class ExamFeedbackController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  @Post(':id/feedback')
  @Requires('feedback.write', 'exam-param')
  @ApiOperation({ summary: "Agree or disagree with an exam's verdict (the tablet's or the review page's)" })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['agree'],
      properties: {
        agree: { type: 'boolean' },
        author: {
          type: 'string',
          minLength: 1,
          maxLength: 64,
          description:
            'who speaks on a shared room tablet (required there); a signed-in person is recorded under their account',
        },
        reason: { type: 'string', maxLength: 500 },
        criterion: { type: 'string', enum: [...CRITERION_IDS], description: 'the criterion disputed' },
        source: { type: 'string', enum: [...FEEDBACK_SOURCES], default: 'review' },
      },
    },
  })
  @ApiCreatedResponse({
    description: 'the stored entry: { id, examId, agree, criterion, reason, author, source, createdAt }',
  })
  async add(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ) {
    const examId = parseInput(examIdSchema, id);
    const { author, ...feedback } = parseInput(feedbackRequestSchema, body ?? {});
    const record = await answered(() =>
      this.db.feedback.add({
        examId,
        ...feedback,
        author: feedbackAuthor(principal, author),
        recordedBy: describePrincipal(principal),
      }),
    );
    await this.audit.record({
      action: 'feedback.recorded',
      actor: principal,
      target: `exam ${examId}`,
      detail: { agree: record.agree, criterion: record.criterion, source: record.source },
      request,
    });
    return record;
  }

  @Get(':id/feedback')
  @Requires('exams.read', 'exam-param')
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
