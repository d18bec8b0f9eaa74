import type { LoggerService } from '@nestjs/common';
import type { Logger } from '@spineqc/logging';

/** Routes Nest's own messages (routes mapped, lifecycle) into the structured log. */
export function nestLogger(logger: Logger): LoggerService {
  const fields = (optional: unknown[]) =>
    optional.length ? { context: String(optional.at(-1)) } : undefined;
  return {
    log: (message, ...optional) => logger.debug(String(message), fields(optional)),
    error: (message, ...optional) => logger.error(String(message), fields(optional)),
    warn: (message, ...optional) => logger.warn(String(message), fields(optional)),
    debug: (message, ...optional) => logger.debug(String(message), fields(optional)),
    verbose: (message, ...optional) => logger.debug(String(message), fields(optional)),
  };
}
