/** Every failure the API reports, by code; HTTP and DICOM mappings live in one table each. */
export const API_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'NOT_FOUND',
  'NOT_READY',
  'CONFLICT',
  'NOT_DICOM',
  'NOT_AN_IMAGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNSUPPORTED_SOP_CLASS',
  'UNSUPPORTED_TRANSFER_SYNTAX',
  'MISSING_ATTRIBUTE',
  'CORRUPT_PIXEL_DATA',
  'TRUNCATED',
  'MALFORMED_DICOM',
  'TOO_LARGE',
  'UNKNOWN_VIEW',
  'STORAGE_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'BUS_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: { sopInstanceUid?: string; sopClassUid?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get sopInstanceUid() {
    return this.details.sopInstanceUid;
  }

  get sopClassUid() {
    return this.details.sopClassUid;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
