import { createHash, randomBytes } from 'node:crypto';
import type { CreateAccountInput, CreateTokenInput, Database } from '../src/index.js';

/** The shape @node-rs/argon2 encodes (PHC string); the database stores it, it never verifies it. */
export function passwordHash(): string {
  const salt = randomBytes(16).toString('base64').replace(/=+$/, '');
  const hash = randomBytes(32).toString('base64').replace(/=+$/, '');
  return `$argon2id$v=19$m=19456,t=2,p=1$${salt}$${hash}`;
}

export function accountInput(overrides: Partial<CreateAccountInput> = {}): CreateAccountInput {
  return {
    username: `user-${randomBytes(4).toString('hex')}`,
    displayName: 'Some One',
    role: 'technologist',
    passwordHash: passwordHash(),
    ...overrides,
  };
}

/** A token as @spineqc/auth mints them, and the hash the database keeps. */
export function mintedToken(): { token: string; hash: string; prefix: string } {
  const token = `sqc_a_${randomBytes(32).toString('base64url')}`;
  return { token, hash: createHash('sha256').update(token).digest('hex'), prefix: token.slice(0, 12) };
}

export function apiTokenInput(overrides: Partial<CreateTokenInput> = {}): CreateTokenInput {
  const { hash, prefix } = mintedToken();
  return { kind: 'api', tokenHash: hash, prefix, name: 'CI uploader', role: 'ingest', ...overrides };
}

/** A session of `accountId` created with `role`, as the login route would. */
export function sessionInput(accountId: string, overrides: Partial<CreateTokenInput> = {}): CreateTokenInput {
  return apiTokenInput({ kind: 'session', name: 'dashboard', role: 'technologist', accountId, ...overrides });
}

export async function someAccount(db: Database, overrides: Partial<CreateAccountInput> = {}) {
  return db.accounts.create(accountInput(overrides));
}
