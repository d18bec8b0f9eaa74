import { WebhookError } from './errors.js';

export interface BackoffOptions {
  /** The ceiling of the first retry's delay. */
  baseMs?: number;
  /** No delay is ever longer than this. */
  maxMs?: number;
  /** Uniform in [0, 1), like Math.random (the default); injected for deterministic tests. */
  random?: () => number;
}

export const DEFAULT_BACKOFF_BASE_MS = 5_000;
export const DEFAULT_BACKOFF_MAX_MS = 60 * 60 * 1000;
// With a 1 h ceiling, 30 attempts keep trying for up to ~20 h: a receiver down overnight still gets everything.
export const DEFAULT_MAX_ATTEMPTS = 30;

/**
 * The ceiling of the delay after the `attempt`-th failed attempt (1-based): baseMs · 2^(attempt−1),
 * capped at maxMs.
 */
export function backoffCeilingMs(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs, maxMs } = checkedOptions(attempt, options);
  // Past ~60 doublings the product is beyond any cap; stopping there keeps it finite.
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 60));
}

/**
 * How long to wait after the `attempt`-th failed attempt before the next: exponential backoff with
 * full jitter (uniform in [0, ceiling]), so receivers coming back from an outage are not hit by every
 * queued message at the same instant.
 */
export function nextAttemptDelayMs(attempt: number, options: BackoffOptions = {}): number {
  const ceiling = backoffCeilingMs(attempt, options);
  const random = options.random ?? Math.random;
  const r = random();
  if (!(r >= 0 && r <= 1)) {
    throw new WebhookError('INVALID_RETRY_POLICY', `random() must return a number in [0, 1], got ${r}`);
  }
  return Math.round(r * ceiling);
}

/** True once `attempt` attempts have been made and none may follow: the message goes to the dead letters. */
export function shouldDeadLetter(attempt: number, maxAttempts: number = DEFAULT_MAX_ATTEMPTS): boolean {
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new WebhookError(
      'INVALID_RETRY_POLICY',
      `maxAttempts must be a positive integer, got ${maxAttempts}`,
    );
  }
  checkAttempt(attempt);
  return attempt >= maxAttempts;
}

function checkedOptions(attempt: number, options: BackoffOptions): { baseMs: number; maxMs: number } {
  checkAttempt(attempt);
  const baseMs = options.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const maxMs = options.maxMs ?? DEFAULT_BACKOFF_MAX_MS;
  if (!Number.isFinite(baseMs) || baseMs <= 0) {
    throw new WebhookError('INVALID_RETRY_POLICY', `baseMs must be a positive number, got ${baseMs}`);
  }
  if (!Number.isFinite(maxMs) || maxMs < baseMs) {
    throw new WebhookError('INVALID_RETRY_POLICY', `maxMs must be at least baseMs (${baseMs}), got ${maxMs}`);
  }
  return { baseMs, maxMs };
}

function checkAttempt(attempt: number): void {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new WebhookError('INVALID_RETRY_POLICY', `attempt must be a positive integer, got ${attempt}`);
  }
}
