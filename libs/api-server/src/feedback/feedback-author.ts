import { ApiError } from '../errors/api-error.js';
import type { Principal } from '../auth/principal.js';

/**
 * A signed-in person speaks as their account (whatever name the body carries); a shared room tablet or an
 * integration must say who is speaking.
 */
export function feedbackAuthor(principal: Principal, typed: string | undefined): string {
  if (principal.kind === 'user') return principal.name;
  if (!typed)
    throw new ApiError('BAD_REQUEST', 'author: who is giving this feedback (required from a tablet)');
  return typed;
}
