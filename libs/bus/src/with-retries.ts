import { BusError } from './bus-error.js';
import type { IncomingMessage } from './message-bus.js';
import { sleep } from './timing.js';

export interface RetryPolicy {
  /** Attempts in all, the first included; at least 1. */
  maxAttempts: number;
  /** Pause between attempts. */
  backoffMs: number;
  /** Errors for which retrying cannot help (say, a message that fails validation); default: all retriable. */
  isRetriable?: (error: unknown) => boolean;
  /**
   * Called once the message is given up on, typically to publish it to a dead-letter topic. When it
   * resolves the wrapped handler resolves and the offset is committed; when it rejects, the bus
   * redelivers the message, so nothing is lost if the dead-letter topic is unreachable.
   */
  onGiveUp: (message: IncomingMessage, error: unknown, attempts: number) => Promise<void>;
}

/** Bounded in-process retries around a handler, then `onGiveUp` instead of endless redelivery. */
export function withRetries(
  handler: (message: IncomingMessage) => Promise<void>,
  policy: RetryPolicy,
): (message: IncomingMessage) => Promise<void> {
  const { maxAttempts, backoffMs, onGiveUp } = policy;
  const isRetriable = policy.isRetriable ?? (() => true);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new BusError('BAD_OPTIONS', `maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  if (!Number.isFinite(backoffMs) || backoffMs < 0) {
    throw new BusError('BAD_OPTIONS', `backoffMs must be a non-negative number, got ${backoffMs}`);
  }
  return async (message) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(message);
        return;
      } catch (error) {
        if (attempt >= maxAttempts || !isRetriable(error)) {
          await onGiveUp(message, error, attempt);
          return;
        }
      }
      await sleep(backoffMs);
    }
  };
}
