import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { WebhookError } from './errors.js';

/** The three Standard Webhooks headers every delivery carries. */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export interface SignWebhookInput {
  /** Stable across retries of one message, so receivers can drop duplicates. */
  id: string;
  timestamp: Date;
  /** The exact bytes that will be sent; receivers verify the raw body, never a re-serialisation. */
  body: string;
  /** `whsec_` followed by base64 of the key bytes. */
  secret: string;
}

const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A new signing secret in the Standard Webhooks format: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** The webhook-id, webhook-timestamp and webhook-signature headers for one message, signed by the library. */
export function signWebhook({ id, timestamp, body, secret }: SignWebhookInput): WebhookHeaders {
  if (id.length === 0 || /[\s,]/.test(id)) {
    throw new WebhookError(
      'INVALID_MESSAGE',
      `webhook id must be non-empty without spaces or commas: "${id}"`,
    );
  }
  if (Number.isNaN(timestamp.getTime())) {
    throw new WebhookError('INVALID_MESSAGE', 'webhook timestamp is not a valid date');
  }
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': webhookFor(secret).sign(id, timestamp, body),
  };
}

function webhookFor(secret: string): Webhook {
  // The library would also accept a prefix-less or malformed secret and sign with whatever it decodes to;
  // refusing here keeps a typo in a subscription from producing signatures no receiver can check.
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : null;
  if (encoded === null || !BASE64.test(encoded)) {
    throw new WebhookError('INVALID_SECRET', 'webhook secret must be "whsec_" followed by base64');
  }
  try {
    return new Webhook(secret);
  } catch (cause) {
    throw new WebhookError('INVALID_SECRET', `webhook secret is unusable: ${(cause as Error).message}`, {
      cause,
    });
  }
}
