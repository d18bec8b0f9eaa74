// The webhook shapes as the API sends them (libs/database/src/webhooks/types.ts, dates as ISO strings).
import type { View } from '@spineqc/qc-standard';

export const WEBHOOK_EVENT_TYPES = ['exam.judged', 'alert.raised'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface SubscriptionDto {
  id: string;
  url: string;
  /** 'whsec_…Xy9=': tells two secrets apart, useless to sign with. */
  maskedSecret: string;
  eventTypes: WebhookEventType[];
  /** null = any. */
  station: string | null;
  technologist: string | null;
  view: View | null;
  active: boolean;
  description: string;
  createdAt: string;
  updatedAt: string;
}

/** Only the answers to create and rotate-secret carry the secret itself. */
export interface SubscriptionWithSecretDto extends SubscriptionDto {
  secret: string;
}

export interface SubscriptionInput {
  url: string;
  eventTypes: WebhookEventType[];
  station?: string | null;
  technologist?: string | null;
  view?: View | null;
  description?: string;
  active?: boolean;
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryAttemptDto {
  id: string;
  attemptedAt: string;
  ok: boolean;
  /** The receiver's HTTP status; null when no answer came. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryDto {
  /** Also the webhook-id header, the same on every retry and redelivery. */
  id: string;
  subscriptionId: string;
  eventType: WebhookEventType;
  status: DeliveryStatus;
  /** Attempts since it was (re)queued. */
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  lastStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
  alertId: string | null;
  examId: string | null;
  /** Every attempt, oldest first, including those before a redelivery. */
  attemptLog: DeliveryAttemptDto[];
}

export interface DeliveryPageDto {
  items: DeliveryDto[];
  nextCursor: string | null;
}
