import type { PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import { isUuid } from '../exams/uuid.js';
import { checkFeedback } from './feedback-input.js';
import { newestFirst, toFeedback } from './mappers.js';
import type { FeedbackInput, FeedbackRecord } from './types.js';

/**
 * Stores one feedback entry. Holding the exam's row lock, it stamps the entry at least 1 ms after the exam's previous
 * one, so two taps within a millisecond still have an order and "the latest feedback" is never ambiguous.
 */
export async function addFeedback(prisma: PrismaClient, input: FeedbackInput): Promise<FeedbackRecord> {
  const checked = checkFeedback(input);
  if (!isUuid(input.examId)) throw notFound(input.examId);
  return prisma.$transaction(async (tx) => {
    const [exam] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM exam WHERE id = ${input.examId}::uuid FOR UPDATE`;
    if (!exam) throw notFound(input.examId);
    const previous = await tx.examFeedback.findFirst({
      where: { examId: input.examId },
      orderBy: newestFirst,
      select: { createdAt: true },
    });
    const now = Date.now();
    const createdAt = new Date(previous ? Math.max(now, previous.createdAt.getTime() + 1) : now);
    const row = await tx.examFeedback.create({ data: { examId: input.examId, ...checked, createdAt } });
    return toFeedback(row);
  });
}

function notFound(examId: string): DatabaseError {
  return new DatabaseError('EXAM_NOT_FOUND', `no exam ${examId} to give feedback on`);
}
