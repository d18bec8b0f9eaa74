import { postToCheckedTarget } from './http-post.js';
import { signWebhook } from './signing.js';
import { checkTargetUrl, type TargetPolicy } from './target-guard.js';

export const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;
/** Enough of a receiver's answer to show in the attempt log. */
export const MAX_RESPONSE_BYTES = 4096;

export interface DeliverWebhookInput {
  url: string;
  secret: string;
  /** The message id: the same for every attempt at one message. */
  id: string;
  eventType: string;
  payload: object;
  /** When the event happened; defaults to now(). Pass the stored time so retries send identical bodies. */
  occurredAt?: Date;
  /** Covers the whole attempt: address check, connect, request and reading the answer. */
  timeoutMs?: number;
  policy: TargetPolicy;
  now?: () => Date;
}

export interface DeliveryAttempt {
  /** True only for a 2xx answer. */
  ok: boolean;
  /** The HTTP status, or null when no answer came (refused target, network error, timeout). */
  status: number | null;
  error: string | null;
  /** The start of the receiver's answer (at most MAX_RESPONSE_BYTES), for the attempt log. */
  responseBody: string | null;
  durationMs: number;
}

/**
 * One delivery attempt per the Standard Webhooks specification. Never throws for an unusable target,
 * a network failure or an HTTP error: every outcome is an attempt to record and, maybe, retry.
 */
export async function deliverWebhook(input: DeliverWebhookInput): Promise<DeliveryAttempt> {
  const now = input.now ?? (() => new Date());
  const timeoutMs = input.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
  const startedAt = now();
  const body = JSON.stringify({
    type: input.eventType,
    timestamp: (input.occurredAt ?? startedAt).toISOString(),
    data: input.payload,
  });
  const finished = (outcome: Omit<DeliveryAttempt, 'durationMs'>): DeliveryAttempt => ({
    ...outcome,
    durationMs: Math.max(0, now().getTime() - startedAt.getTime()),
  });

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const attempt = async () => {
      const headers = signWebhook({ id: input.id, timestamp: startedAt, body, secret: input.secret });
      const target = await checkTargetUrl(input.url, input.policy);
      return postToCheckedTarget(
        target,
        { ...headers, 'content-type': 'application/json', 'user-agent': 'SpineQC-Webhooks' },
        body,
        { signal: controller.signal, maxBodyBytes: MAX_RESPONSE_BYTES },
      );
    };
    const answer = await Promise.race([attempt(), abortedAfter(controller.signal, timeoutMs)]);
    const ok = answer.status >= 200 && answer.status < 300;
    return finished({
      ok,
      status: answer.status,
      error: ok ? null : httpFailure(answer.status),
      responseBody: answer.body,
    });
  } catch (cause) {
    const error = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : describe(cause);
    return finished({ ok: false, status: null, error, responseBody: null });
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Rejects when the signal fires, so a slow resolver cannot outlast the timeout either. */
function abortedAfter(signal: AbortSignal, timeoutMs: number): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(new Error(`timed out after ${timeoutMs} ms`)), {
      once: true,
    });
  });
}

function httpFailure(status: number): string {
  if (status >= 300 && status < 400) return `HTTP ${status}: redirects are not followed`;
  return `HTTP ${status}`;
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as NodeJS.ErrnoException).code;
  return code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
}
