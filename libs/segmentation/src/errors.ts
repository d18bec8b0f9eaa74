export type SegmentationErrorCode =
  | 'MODEL_MISSING'
  | 'MODEL_CORRUPT'
  | 'MODEL_CONTRACT'
  | 'PROVIDER_UNAVAILABLE'
  | 'BAD_IMAGE'
  | 'INFERENCE_FAILED';

/** Errors of the segmentation module; the API maps codes to HTTP/WS errors in one place. */
export class SegmentationError extends Error {
  constructor(
    readonly code: SegmentationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SegmentationError';
  }
}
