export { WebhookError, type WebhookErrorCode } from './errors.js';
export { generateWebhookSecret, signWebhook, type SignWebhookInput, type WebhookHeaders } from './signing.js';
export { isPublicAddress } from './address-range.js';
export {
  checkTargetUrl,
  resolveAllAddresses,
  type CheckedTarget,
  type TargetPolicy,
} from './target-guard.js';
export {
  deliverWebhook,
  DEFAULT_DELIVERY_TIMEOUT_MS,
  MAX_RESPONSE_BYTES,
  type DeliverWebhookInput,
  type DeliveryAttempt,
} from './deliver.js';
export {
  backoffCeilingMs,
  nextAttemptDelayMs,
  shouldDeadLetter,
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_MAX_MS,
  DEFAULT_MAX_ATTEMPTS,
  type BackoffOptions,
} from './backoff.js';
