/** Why a credential, token, cookie or rate limit was refused; callers branch on `code`, people read `message`. */
export type AuthErrorCode = 'BAD_TOKEN_FORMAT' | 'BAD_COOKIE' | 'BAD_RATE_LIMIT';

export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
