export type FeedbackExportErrorCode = 'API_UNREACHABLE' | 'API_ERROR' | 'BAD_RESPONSE';

/** Why `spineqc feedback export` stopped; printed without a stack trace (exit status 1). */
export class FeedbackExportError extends Error {
  override readonly name = 'FeedbackExportError';

  constructor(
    readonly code: FeedbackExportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
