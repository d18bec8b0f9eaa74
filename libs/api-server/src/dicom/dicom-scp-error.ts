export type DicomScpErrorCode = 'INVALID_OPTIONS' | 'LISTEN_FAILED';

/** Why the C-STORE SCP could not start; callers branch on `code`, people read `message`. */
export class DicomScpError extends Error {
  override readonly name = 'DicomScpError';

  constructor(
    readonly code: DicomScpErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
