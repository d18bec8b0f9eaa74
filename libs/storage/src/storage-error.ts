/** Why an object could not be stored or read; callers branch on `code`, people read `message`. */
export type StorageErrorCode = 'BAD_KEY' | 'NOT_FOUND' | 'IO_ERROR';

export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
