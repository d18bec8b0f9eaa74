export type StowErrorCode = 'UNSUPPORTED_MEDIA_TYPE' | 'BAD_REQUEST';

/** Why a STOW-RS request as a whole was refused; `httpStatus` is what PS3.18 §10.5.3 prescribes. */
export class StowError extends Error {
  override readonly name = 'StowError';
  readonly httpStatus: 415 | 400;

  constructor(
    readonly code: StowErrorCode,
    message: string,
  ) {
    super(message);
    this.httpStatus = code === 'UNSUPPORTED_MEDIA_TYPE' ? 415 : 400;
  }
}
