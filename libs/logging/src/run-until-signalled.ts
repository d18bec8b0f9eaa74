import type { Logger } from './logger.js';

/** Waits for SIGINT/SIGTERM, then shuts down gracefully within `timeoutMs` (or exits with 1). */
export async function runUntilSignalled(logger: Logger, timeoutMs: number, shutdown: () => Promise<void>) {
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  logger.info('shutting down', { signal });
  const forced = setTimeout(() => {
    logger.error('shutdown took too long; exiting');
    process.exit(1);
  }, timeoutMs);
  forced.unref();
  await shutdown();
  logger.info('stopped');
}
