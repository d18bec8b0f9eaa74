import type { Prisma } from '../generated/prisma/client.js';
import type { FeedbackRecord } from './types.js';

/** Newest first; ids break ties only in theory (createdAt strictly increases per exam). */
export const newestFirst = [
  { createdAt: 'desc' },
  { id: 'desc' },
] satisfies Prisma.ExamFeedbackOrderByWithRelationInput[];

export function toFeedback(row: Prisma.ExamFeedbackGetPayload<object>): FeedbackRecord {
  return {
    id: row.id,
    examId: row.examId,
    agree: row.agree,
    criterion: row.criterionId,
    reason: row.reason,
    author: row.author,
    source: row.source,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt,
  };
}
