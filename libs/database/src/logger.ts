/** What the database layer reports: migrations applied, checksum drift, connection trouble. */
export interface DatabaseLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export const silentLogger: DatabaseLogger = { info: () => {}, warn: () => {}, error: () => {} };
