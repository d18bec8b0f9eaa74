import type { Prisma } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import type { Db } from '../exams/prisma-types.js';
import { isUuid } from '../exams/uuid.js';
import { findMatching } from './matching.js';
import { toDelivery } from './mappers.js';
import { checkEventTypes } from './subscription-input.js';
import type { WebhookDelivery, WebhookEventScope } from './types.js';

export interface OutboxEvent extends WebhookEventScope {
  payload: unknown;
  now: Date;
  alertId?: string | null;
  examId?: string | null;
}

/**
 * Writes one pending delivery, due at once, per subscription matching the event; the caller runs this inside the
 * transaction that produced the event, so an event is never stored without its deliveries or the other way round.
 */
export async function writeOutboxRows(db: Db, event: OutboxEvent): Promise<WebhookDelivery[]> {
  checkEventTypes([event.eventType]);
  const payload = toJson(event.payload);
  const examId = event.examId ?? null;
  if (examId !== null && !isUuid(examId)) throw bad(`examId "${examId}" is not a UUID`);
  const subscriptions = await findMatching(db, event);
  if (subscriptions.length === 0) return [];
  const rows = await db.webhookDelivery.createManyAndReturn({
    data: subscriptions.map((subscription) => ({
      subscriptionId: subscription.id,
      eventType: event.eventType,
      payload,
      nextAttemptAt: event.now,
      createdAt: event.now,
      alertId: event.alertId ?? null,
      examId,
    })),
  });
  const order = new Map(subscriptions.map((subscription, index) => [subscription.id, index]));
  return rows
    .map((row) => toDelivery({ ...row, attemptLog: [] }))
    .sort((a, b) => (order.get(a.subscriptionId) ?? 0) - (order.get(b.subscriptionId) ?? 0));
}

/** The payload as JSON carries it (dates become ISO strings), so what is stored is exactly what is sent. */
function toJson(payload: unknown): Prisma.InputJsonValue {
  const text = JSON.stringify(payload);
  if (text === undefined || payload === null) throw bad('payload must be a JSON value other than null');
  return JSON.parse(text) as Prisma.InputJsonValue;
}

function bad(message: string): DatabaseError {
  return new DatabaseError('BAD_QUERY', `webhook delivery: ${message}`);
}
