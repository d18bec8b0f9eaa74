/** Why a webhook could not be signed, addressed or scheduled; callers branch on `code`, people read `message`. */
export type WebhookErrorCode =
  | 'INVALID_SECRET'
  | 'INVALID_MESSAGE'
  | 'INVALID_URL'
  | 'INSECURE_SCHEME'
  | 'CREDENTIALS_IN_URL'
  | 'UNRESOLVABLE_HOST'
  | 'PRIVATE_ADDRESS'
  | 'INVALID_RETRY_POLICY';

export class WebhookError extends Error {
  override readonly name = 'WebhookError';

  constructor(
    readonly code: WebhookErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
