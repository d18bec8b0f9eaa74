export type LogFields = Record<string, unknown>;

/** The few log calls the bus makes; adapt the service's logger to it. */
export interface BusLogger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Used when no logger is given: problems go to stderr, routine chatter nowhere. */
export const quietConsoleLogger: BusLogger = {
  info: () => undefined,
  warn: (message, fields) => console.warn(message, fields ?? ''),
  error: (message, fields) => console.error(message, fields ?? ''),
};
