import type { Prisma } from '../generated/prisma/client.js';
import type { View } from '../exams/types.js';
import type {
  WebhookAttemptRecord,
  WebhookDelivery,
  WebhookEventType,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from './types.js';

type SubscriptionRow = Prisma.WebhookSubscriptionGetPayload<object>;
type AttemptRow = Prisma.WebhookAttemptGetPayload<object>;

export const deliveryInclude = {
  attemptLog: { orderBy: [{ attemptedAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.WebhookDeliveryInclude;
type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ include: typeof deliveryInclude }>;

/** Newest first, ids breaking ties between deliveries written in one transaction. */
export const newestDeliveriesFirst = [
  { createdAt: 'desc' },
  { id: 'desc' },
] satisfies Prisma.WebhookDeliveryOrderByWithRelationInput[];

export function maskSecret(secret: string): string {
  return `whsec_…${secret.slice(-4)}`;
}

export function toSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    maskedSecret: maskSecret(row.secret),
    eventTypes: row.eventTypes as WebhookEventType[],
    station: row.station,
    technologist: row.technologist,
    view: row.view as View | null,
    active: row.active,
    description: row.description,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toSubscriptionWithSecret(row: SubscriptionRow): WebhookSubscriptionWithSecret {
  return { ...toSubscription(row), secret: row.secret };
}

function toAttempt(row: AttemptRow): WebhookAttemptRecord {
  return {
    id: row.id,
    attemptedAt: row.attemptedAt,
    ok: row.ok,
    status: row.status,
    error: row.error,
    durationMs: row.durationMs,
  };
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    eventType: row.eventType as WebhookEventType,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    lastStatus: row.lastStatus,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
    alertId: row.alertId,
    examId: row.examId,
    attemptLog: row.attemptLog.map(toAttempt),
  };
}
