// Alerts and webhook subscriptions/deliveries as the API reads them (Date-typed); the REST API sends the same shapes
// as JSON (`Jsonified`), which is what the dashboard receives.
import type { View } from './history.js';

export const WEBHOOK_EVENT_TYPES = ['exam.judged', 'alert.raised'] as const;
/** `exam.judged`: every verdict; `alert.raised`: an alert rule found a repeated failure. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Optional filters of a subscription: null matches any value. */
export interface WebhookFilters {
  station: string | null;
  technologist: string | null;
  view: View | null;
}

/** A subscription as listed: its secret masked to the last 4 characters. */
export interface WebhookSubscription extends WebhookFilters {
  id: string;
  url: string;
  /** e.g. 'whsec_…Xy9=' — enough to tell two secrets apart, useless to sign with. */
  maskedSecret: string;
  eventTypes: WebhookEventType[];
  active: boolean;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Only creating a subscription and rotating its secret return the secret itself, once. */
export interface WebhookSubscriptionWithSecret extends WebhookSubscription {
  secret: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export interface WebhookAttemptRecord {
  id: string;
  attemptedAt: Date;
  ok: boolean;
  /** The receiver's HTTP status; null when no answer came. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** One outbox row. Its id is the webhook-id header, the same on every retry. */
export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  eventType: WebhookEventType;
  payload: unknown;
  status: WebhookDeliveryStatus;
  /** Attempts since it was (re)queued; `attemptLog` keeps every attempt, also those before a redelivery. */
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  lastStatus: number | null;
  createdAt: Date;
  deliveredAt: Date | null;
  alertId: string | null;
  examId: string | null;
  /** Oldest first. */
  attemptLog: WebhookAttemptRecord[];
}

/** Newest first; pass `nextCursor` as `cursor` for the next page. */
export interface DeliveryPage {
  items: WebhookDelivery[];
  nextCursor: string | null;
}

export const ALERT_SUBJECT_KINDS = ['station', 'technologist'] as const;
/** What an alert is about: a DR room or a technologist. */
export type AlertSubjectKind = (typeof ALERT_SUBJECT_KINDS)[number];

/** The numbers (and the odd label) the alert's message quotes. */
export type AlertMetrics = Record<string, number | string | boolean | null>;

/** An alert as the rules produce it. */
export interface AlertInput {
  /** e.g. 'technologist-unqualified-streak'. */
  ruleKind: string;
  /** The version of the rules configuration that raised it. */
  ruleVersion: string;
  subjectKind: AlertSubjectKind;
  subject: string;
  title: string;
  message: string;
  /** The exams that triggered it, oldest first. */
  examIds: string[];
  metrics: AlertMetrics;
}

export interface AlertRecord extends AlertInput {
  id: string;
  raisedAt: Date;
}

/** Newest first; pass `nextCursor` as `cursor` for the next page. */
export interface AlertPage {
  items: AlertRecord[];
  nextCursor: string | null;
}
