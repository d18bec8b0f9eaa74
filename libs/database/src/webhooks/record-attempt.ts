import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import { isUuid } from '../exams/uuid.js';
import { deliveryInclude, toDelivery } from './mappers.js';
import type { AttemptOutcome, AttemptResult, RecordAttemptInput, WebhookDelivery } from './types.js';

const MAX_ERROR_LENGTH = 2000;

/**
 * Logs one attempt and, in the same transaction under the delivery's row lock, moves the delivery on: delivered,
 * due again at `nextAttemptAt`, or dead. A late attempt on a delivery that is no longer pending (another worker
 * finished it after this one's lease ran out) is logged but changes nothing else.
 */
export async function recordAttempt(
  prisma: PrismaClient,
  input: RecordAttemptInput,
): Promise<WebhookDelivery> {
  const attempt = checkAttempt(input.attempt, input.outcome);
  if (!isUuid(input.deliveryId)) throw notFound(input.deliveryId);
  return prisma.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM webhook_delivery WHERE id = ${input.deliveryId}::uuid FOR UPDATE`;
    if (!current) throw notFound(input.deliveryId);
    await tx.webhookAttempt.create({
      data: { deliveryId: input.deliveryId, attemptedAt: input.now, ...attempt },
    });
    const data: Prisma.WebhookDeliveryUpdateInput =
      current.status === 'pending'
        ? {
            attempts: { increment: 1 },
            lastError: attempt.error,
            lastStatus: attempt.status,
            ...outcomeFields(input.outcome, input.now),
          }
        : {};
    const row = await tx.webhookDelivery.update({
      where: { id: input.deliveryId },
      data,
      include: deliveryInclude,
    });
    return toDelivery(row);
  });
}

function outcomeFields(outcome: AttemptOutcome, now: Date): Prisma.WebhookDeliveryUpdateInput {
  switch (outcome.status) {
    case 'delivered':
      return { status: 'delivered', deliveredAt: now };
    case 'dead':
      return { status: 'dead' };
    case 'pending':
      return { nextAttemptAt: outcome.nextAttemptAt };
  }
}

function checkAttempt(attempt: AttemptResult, outcome: AttemptOutcome): AttemptResult {
  if (attempt.ok !== (outcome.status === 'delivered')) {
    throw bad('a successful attempt delivers the delivery, and only a successful one does');
  }
  if (
    attempt.status !== null &&
    (!Number.isInteger(attempt.status) || attempt.status < 100 || attempt.status > 599)
  ) {
    throw bad(`status must be an HTTP status code or null, got ${attempt.status}`);
  }
  if (!Number.isFinite(attempt.durationMs) || attempt.durationMs < 0) {
    throw bad(`durationMs must be a non-negative number, got ${attempt.durationMs}`);
  }
  if (outcome.status === 'pending' && Number.isNaN(outcome.nextAttemptAt.getTime())) {
    throw bad('nextAttemptAt is not a valid date');
  }
  return {
    ok: attempt.ok,
    status: attempt.status,
    error: attempt.error === null ? null : attempt.error.slice(0, MAX_ERROR_LENGTH),
    durationMs: Math.round(attempt.durationMs),
  };
}

function notFound(deliveryId: string): DatabaseError {
  return new DatabaseError('DELIVERY_NOT_FOUND', `no webhook delivery ${deliveryId}`);
}

function bad(message: string): DatabaseError {
  return new DatabaseError('BAD_QUERY', `webhook attempt: ${message}`);
}
