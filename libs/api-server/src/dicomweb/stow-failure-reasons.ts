import type { ApiErrorCode } from '../errors/api-error.js';

/** Failure Reason (0008,1197) values of PS3.18 Table I.2-2 (Store Instances Response). */
export const FAILURE_REASON = {
  outOfResources: 0xa700,
  dataSetDoesNotMatchSopClass: 0xa900,
  cannotUnderstand: 0xc000,
  transferSyntaxNotSupported: 0xc122,
  processingFailure: 0x0110,
  sopClassNotSupported: 0x0122,
} as const;

/** The one place ingest failures become STOW-RS Failure Reasons; A700 tells the sender to retry later. */
export const FAILURE_REASON_BY_CODE = {
  NOT_DICOM: FAILURE_REASON.cannotUnderstand,
  NOT_AN_IMAGE: FAILURE_REASON.cannotUnderstand,
  BAD_REQUEST: FAILURE_REASON.cannotUnderstand,
  UNSUPPORTED_MEDIA_TYPE: FAILURE_REASON.cannotUnderstand,
  CORRUPT_PIXEL_DATA: FAILURE_REASON.cannotUnderstand,
  TRUNCATED: FAILURE_REASON.cannotUnderstand,
  MALFORMED_DICOM: FAILURE_REASON.cannotUnderstand,
  UNSUPPORTED_TRANSFER_SYNTAX: FAILURE_REASON.transferSyntaxNotSupported,
  UNSUPPORTED_SOP_CLASS: FAILURE_REASON.sopClassNotSupported,
  MISSING_ATTRIBUTE: FAILURE_REASON.dataSetDoesNotMatchSopClass,
  UNKNOWN_VIEW: FAILURE_REASON.dataSetDoesNotMatchSopClass,
  TOO_LARGE: FAILURE_REASON.outOfResources,
  STORAGE_UNAVAILABLE: FAILURE_REASON.outOfResources,
  DATABASE_UNAVAILABLE: FAILURE_REASON.outOfResources,
  BUS_UNAVAILABLE: FAILURE_REASON.outOfResources,
  NOT_READY: FAILURE_REASON.outOfResources,
  NOT_FOUND: FAILURE_REASON.processingFailure,
  CONFLICT: FAILURE_REASON.processingFailure,
  INTERNAL: FAILURE_REASON.processingFailure,
  // Refusals of the caller itself (HTTP only: DICOM peers are screened at association by their AE title).
  UNAUTHENTICATED: FAILURE_REASON.processingFailure,
  FORBIDDEN: FAILURE_REASON.processingFailure,
  RATE_LIMITED: FAILURE_REASON.outOfResources,
} as const satisfies Record<ApiErrorCode, number>;

/** Whether `code` is one the table knows; anything else is an internal failure whose text stays private. */
export function isKnownFailureCode(code: string): code is keyof typeof FAILURE_REASON_BY_CODE {
  return Object.hasOwn(FAILURE_REASON_BY_CODE, code) && code !== 'INTERNAL';
}

export function failureReasonFor(code: string): number {
  return isKnownFailureCode(code) ? FAILURE_REASON_BY_CODE[code] : FAILURE_REASON.processingFailure;
}
