// The webhook shapes as the API sends them: the read models of @spineqc/contracts as JSON (dates as ISO strings).
import type {
  DeliveryPage,
  Jsonified,
  WebhookAttemptRecord,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEventType as ContractWebhookEventType,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from '@spineqc/contracts';
import type { View } from '@spineqc/qc-standard';

// Restated as values so the page bundle stays free of the contracts' zod schemas (a spec checks they agree).
export const WEBHOOK_EVENT_TYPES = [
  'exam.judged',
  'alert.raised',
] as const satisfies readonly ContractWebhookEventType[];
export type WebhookEventType = ContractWebhookEventType;
export const DELIVERY_STATUSES = [
  'pending',
  'delivered',
  'dead',
] as const satisfies readonly WebhookDeliveryStatus[];
export type DeliveryStatus = WebhookDeliveryStatus;

export type SubscriptionDto = Jsonified<WebhookSubscription>;
/** Only the answers to create and rotate-secret carry the secret itself. */
export type SubscriptionWithSecretDto = Jsonified<WebhookSubscriptionWithSecret>;
export type DeliveryAttemptDto = Jsonified<WebhookAttemptRecord>;
export type DeliveryDto = Jsonified<WebhookDelivery>;
export type DeliveryPageDto = Jsonified<DeliveryPage>;

export interface SubscriptionInput {
  url: string;
  eventTypes: WebhookEventType[];
  station?: string | null;
  technologist?: string | null;
  view?: View | null;
  description?: string;
  active?: boolean;
}
