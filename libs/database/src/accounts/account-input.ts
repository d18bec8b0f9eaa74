import { USER_ROLES, usernameSchema, type UserRole } from '@spineqc/contracts';
import { bad, checkName } from './text-input.js';
import type { CreateAccountInput, UpdateAccountInput } from './types.js';

export const MAX_DISPLAY_NAME_LENGTH = 64;
const MAX_PASSWORD_HASH_LENGTH = 1024;
// Only an encoded argon2id hash is accepted, so a caller's slip can never store a password in clear.
const ARGON2ID = /^\$argon2id\$[\x21-\x7e]+$/;

export interface CheckedAccount {
  username: string;
  displayName: string;
  role: UserRole;
  passwordHash: string;
}

/** The row to store, or BAD_QUERY naming the field at fault (the API checks first; this guards other callers). */
export function checkCreateAccount(input: CreateAccountInput): CheckedAccount {
  const username = normalizeUsername(input.username);
  if (username === null) throw bad('username must be 2–64 of a-z 0-9 . _ -, starting with a letter or digit');
  return {
    username,
    displayName: checkName('displayName', input.displayName, MAX_DISPLAY_NAME_LENGTH),
    role: checkRole(input.role),
    passwordHash: checkPasswordHash(input.passwordHash),
  };
}

export type CheckedAccountChange = Partial<Omit<CheckedAccount, 'username'> & { disabled: boolean }>;

export function checkUpdateAccount(input: UpdateAccountInput): CheckedAccountChange {
  return {
    ...(input.displayName !== undefined && {
      displayName: checkName('displayName', input.displayName, MAX_DISPLAY_NAME_LENGTH),
    }),
    ...(input.role !== undefined && { role: checkRole(input.role) }),
    ...(input.disabled !== undefined && { disabled: checkDisabled(input.disabled) }),
    ...(input.passwordHash !== undefined && { passwordHash: checkPasswordHash(input.passwordHash) }),
  };
}

/** The stored form of a username (trimmed, lower-case), or null for one that cannot exist. */
export function normalizeUsername(username: string): string | null {
  const parsed = usernameSchema.safeParse(username);
  return parsed.success ? parsed.data : null;
}

function checkRole(role: UserRole): UserRole {
  if (!USER_ROLES.includes(role)) throw bad(`role must be one of ${USER_ROLES.join(', ')}`);
  return role;
}

function checkDisabled(disabled: boolean): boolean {
  if (typeof disabled !== 'boolean') throw bad('disabled must be true or false');
  return disabled;
}

function checkPasswordHash(hash: string): string {
  if (typeof hash !== 'string' || hash.length > MAX_PASSWORD_HASH_LENGTH || !ARGON2ID.test(hash)) {
    throw bad('passwordHash must be an encoded argon2id hash');
  }
  return hash;
}
