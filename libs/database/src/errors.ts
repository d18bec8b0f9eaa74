/** Why the database refused or failed; callers branch on `code`, people read `message`. */
export type DatabaseErrorCode =
  | 'BAD_URL'
  | 'CONNECT_FAILED'
  | 'IN_USE'
  | 'MIGRATIONS_NOT_FOUND'
  | 'MIGRATION_FAILED'
  | 'MIGRATION_LOCKED'
  | 'MIGRATION_INCOMPLETE'
  | 'EXAM_NOT_FOUND'
  | 'EXAM_MISMATCH'
  | 'BAD_QUERY'
  | 'BAD_CURSOR'
  | 'SUBSCRIPTION_NOT_FOUND'
  | 'DELIVERY_NOT_FOUND'
  | 'DELIVERY_PENDING'
  /** No such account (the message names the id). */
  | 'NOT_FOUND'
  | 'USERNAME_TAKEN'
  | 'LAST_ADMIN'
  | 'CLOSED';

export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';

  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
