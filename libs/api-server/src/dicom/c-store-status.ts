import type { ApiErrorCode } from '../errors/api-error.js';

/** C-STORE response statuses (PS3.4 Table B.2-1; 0x0110 and 0x0122 are general DIMSE statuses, PS3.7 C). */
export const C_STORE_STATUS = {
  success: 0x0000,
  outOfResources: 0xa700,
  dataSetDoesNotMatchSopClass: 0xa900,
  cannotUnderstand: 0xc000,
  sopClassNotSupported: 0x0122,
  processingFailure: 0x0110,
} as const;

/** The one place ingest failures become C-STORE statuses; A700 tells the sender to retry later. */
export const C_STORE_STATUS_BY_CODE = {
  NOT_DICOM: C_STORE_STATUS.cannotUnderstand,
  NOT_AN_IMAGE: C_STORE_STATUS.cannotUnderstand,
  BAD_REQUEST: C_STORE_STATUS.cannotUnderstand,
  UNSUPPORTED_MEDIA_TYPE: C_STORE_STATUS.cannotUnderstand,
  UNSUPPORTED_TRANSFER_SYNTAX: C_STORE_STATUS.cannotUnderstand,
  CORRUPT_PIXEL_DATA: C_STORE_STATUS.cannotUnderstand,
  TRUNCATED: C_STORE_STATUS.cannotUnderstand,
  MALFORMED_DICOM: C_STORE_STATUS.cannotUnderstand,
  UNSUPPORTED_SOP_CLASS: C_STORE_STATUS.sopClassNotSupported,
  MISSING_ATTRIBUTE: C_STORE_STATUS.dataSetDoesNotMatchSopClass,
  UNKNOWN_VIEW: C_STORE_STATUS.dataSetDoesNotMatchSopClass,
  TOO_LARGE: C_STORE_STATUS.outOfResources,
  STORAGE_UNAVAILABLE: C_STORE_STATUS.outOfResources,
  DATABASE_UNAVAILABLE: C_STORE_STATUS.outOfResources,
  BUS_UNAVAILABLE: C_STORE_STATUS.outOfResources,
  NOT_READY: C_STORE_STATUS.outOfResources,
  NOT_FOUND: C_STORE_STATUS.processingFailure,
  CONFLICT: C_STORE_STATUS.processingFailure,
  INTERNAL: C_STORE_STATUS.processingFailure,
  // Refusals of the caller itself (HTTP only: DICOM peers are screened at association by their AE title).
  UNAUTHENTICATED: C_STORE_STATUS.processingFailure,
  FORBIDDEN: C_STORE_STATUS.processingFailure,
  RATE_LIMITED: C_STORE_STATUS.outOfResources,
} as const satisfies Record<ApiErrorCode, number>;

export interface CStoreFailure {
  status: number;
  /** The error's code, or 'INTERNAL' for anything that is not an ingest error. */
  code: string;
  /** For ErrorComment (0000,0902). */
  comment: string;
}

/** Maps a thrown ingest error to its status; an error without a known `code` is an internal failure. */
export function cStoreFailureFor(error: unknown): CStoreFailure {
  const code = errorCode(error);
  if (code !== undefined && Object.hasOwn(C_STORE_STATUS_BY_CODE, code)) {
    const status = C_STORE_STATUS_BY_CODE[code as keyof typeof C_STORE_STATUS_BY_CODE];
    return { status, code, comment: errorComment(String((error as { message?: unknown }).message ?? code)) };
  }
  // Internal details stay in the log, not on the wire.
  return { status: C_STORE_STATUS.processingFailure, code: 'INTERNAL', comment: 'internal error' };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * ErrorComment is LO in the command set, whose repertoire is plain ASCII: at most 64 characters,
 * no backslash (the value delimiter), no control characters.
 */
export function errorComment(text: string): string {
  const clean = text
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/\\/g, '/')
    .trim();
  return clean.length <= 64 ? clean : clean.slice(0, 61) + '...';
}
