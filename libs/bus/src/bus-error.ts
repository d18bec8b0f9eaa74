/** Why the bus refused or failed an operation; callers branch on `code`, people read `message`. */
export type BusErrorCode =
  | 'NOT_CONNECTED'
  | 'CLOSED'
  | 'BAD_MESSAGE'
  | 'BAD_OPTIONS'
  | 'CONNECT_FAILED'
  | 'PUBLISH_FAILED'
  | 'SUBSCRIBE_FAILED'
  | 'CLOSE_TIMEOUT';

export class BusError extends Error {
  override readonly name = 'BusError';

  constructor(
    readonly code: BusErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
