/** The logging the SCP needs; fields carry UIDs and AE titles, never patient names or IDs. */
export interface ScpLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
