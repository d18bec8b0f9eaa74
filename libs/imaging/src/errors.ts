/** Why an image could not be read or written; callers branch on `code`, people read `message`. */
export type ImagingErrorCode =
  | 'NOT_DICOM'
  | 'BAD_DICOM'
  | 'TRUNCATED'
  | 'MISSING_ATTRIBUTE'
  | 'NO_PIXEL_DATA'
  | 'UNSUPPORTED_TRANSFER_SYNTAX'
  | 'UNSUPPORTED_PHOTOMETRIC'
  | 'UNSUPPORTED_PIXEL_FORMAT'
  | 'IMAGE_TOO_LARGE'
  | 'CORRUPT_PIXEL_DATA'
  | 'CODEC_UNAVAILABLE'
  | 'DECODER_CRASHED'
  | 'DECODE_TIMEOUT'
  | 'POOL_CLOSED'
  | 'BAD_PNG'
  | 'BAD_JPEG'
  | 'NOT_AN_IMAGE'
  | 'INVALID_IMAGE';

export class ImagingError extends Error {
  override readonly name = 'ImagingError';

  constructor(
    readonly code: ImagingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Throws INVALID_IMAGE unless `length` is exactly width × height × channels of a positive integer size. */
export function assertImageSize(
  what: string,
  length: number,
  width: number,
  height: number,
  channels = 1,
): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new ImagingError(
      'INVALID_IMAGE',
      `${what}: size must be positive integers, got ${width}×${height}`,
    );
  }
  const expected = width * height * channels;
  if (length !== expected) {
    throw new ImagingError(
      'INVALID_IMAGE',
      `${what}: expected ${expected} values for ${width}×${height}×${channels}, got ${length}`,
    );
  }
}
