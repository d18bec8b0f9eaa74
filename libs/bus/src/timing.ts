/** Backoff between redeliveries of a failing message: doubles from `initialMs`, capped at `maxMs`. */
export interface RedeliveryBackoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_REDELIVERY: RedeliveryBackoff = { initialMs: 100, maxMs: 5_000 };
export const DEFAULT_CLOSE_TIMEOUT_MS = 30_000;

export function redeliveryDelayMs(backoff: RedeliveryBackoff, failedAttempts: number): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, failedAttempts - 1));
}

/** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `work`, or a rejection with `onTimeout()` when it takes longer than `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
