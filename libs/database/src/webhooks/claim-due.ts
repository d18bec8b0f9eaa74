import type { PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import { pageSize } from '../exams/limits.js';
import type { ClaimDueInput, ClaimedDelivery, WebhookEventType } from './types.js';

/**
 * Claims up to `limit` due deliveries (pending, nextAttemptAt ≤ now, subscription active) by pushing their
 * nextAttemptAt to now + leaseMs in one statement. On PostgreSQL, FOR UPDATE … SKIP LOCKED makes concurrent workers
 * pass over rows another is claiming, and a row claimed meanwhile no longer qualifies when re-checked under its lock,
 * so two workers never get the same delivery; PGlite runs one statement at a time, which gives the same. A worker
 * that dies mid-send leaves the delivery due again once the lease ends.
 */
export async function claimDue(prisma: PrismaClient, input: ClaimDueInput): Promise<ClaimedDelivery[]> {
  const limit = pageSize(input.limit);
  if (!Number.isInteger(input.leaseMs) || input.leaseMs < 1) {
    throw new DatabaseError('BAD_QUERY', `leaseMs must be a positive integer, got ${input.leaseMs}`);
  }
  const leaseUntil = new Date(input.now.getTime() + input.leaseMs);
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    WITH due AS (
      SELECT d.id
        FROM webhook_delivery d
        JOIN webhook_subscription s ON s.id = d.subscription_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= ${input.now} AND s.active
       ORDER BY d.next_attempt_at, d.id
       LIMIT ${limit}
         FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE webhook_delivery d
       SET next_attempt_at = ${leaseUntil}
      FROM due
     WHERE d.id = due.id
    RETURNING d.id::text AS id`;
  if (claimed.length === 0) return [];
  const rows = await prisma.webhookDelivery.findMany({
    where: { id: { in: claimed.map((row) => row.id) } },
    include: { subscription: { select: { url: true, secret: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    subscriptionId: row.subscriptionId,
    url: row.subscription.url,
    secret: row.subscription.secret,
    eventType: row.eventType as WebhookEventType,
    payload: row.payload,
    attempts: row.attempts,
    createdAt: row.createdAt,
    leaseUntil,
    alertId: row.alertId,
    examId: row.examId,
  }));
}
