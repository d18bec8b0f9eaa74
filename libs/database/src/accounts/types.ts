import type { AuditAction, Role, UserRole } from '@spineqc/contracts';

/** A person who signs in. Never carries the password hash (see `AccountWithSecret`). */
export interface Account {
  id: string;
  /** Lower-case. */
  username: string;
  displayName: string;
  role: UserRole;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
}

/** Only `findByUsername` returns the hash, for the login and password checks. */
export interface AccountWithSecret extends Account {
  /** An encoded argon2id string. */
  passwordHash: string;
}

export interface CreateAccountInput {
  /** Trimmed and lower-cased; 2–64 of a-z 0-9 . _ -, starting with a letter or digit. */
  username: string;
  /** 1–64 characters. */
  displayName: string;
  role: UserRole;
  /** An encoded argon2id string ('$argon2id$…'), never the password itself. */
  passwordHash: string;
}

/** Fields left out stay as they are. */
export interface UpdateAccountInput {
  displayName?: string;
  role?: UserRole;
  disabled?: boolean;
  passwordHash?: string;
}

/** `session`: a dashboard sign-in; `api`: an integration's token; `device`: a room tablet's pairing token. */
export type TokenKind = 'session' | 'api' | 'device';

/** A bearer token as listed: never its hash. */
export interface TokenRecord {
  id: string;
  kind: TokenKind;
  /** First characters of the token, so an operator can tell which one is in use. */
  prefix: string;
  name: string;
  /** The role it was created with. */
  role: Role;
  accountId: string | null;
  /** The one station a device token may see; null for every other token. */
  station: string | null;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface CreateTokenInput {
  kind: TokenKind;
  /** Lower-case hex SHA-256 of the whole token (64 characters); the token itself is never stored. */
  tokenHash: string;
  /** 1–16 characters. */
  prefix: string;
  /** 1–64 characters. */
  name: string;
  /** `device` exactly when a station is given. */
  role: Role;
  /** The account the token belongs to (every session of a person; none for integrations and tablets). */
  accountId?: string | null;
  station?: string | null;
  /** Who created it, for display; at most 64 characters. */
  createdBy?: string | null;
  /** None: valid until revoked. */
  expiresAt?: Date | null;
}

/** The person behind a token, as they are now. */
export interface TokenAccount {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
}

/**
 * A token that may be used now. `role` is the role to enforce: for a session, its account's current role (so a
 * demotion takes effect at once); for any other token, the role it was created with.
 */
export interface ActiveToken extends TokenRecord {
  account: TokenAccount | null;
}

export interface ListTokensQuery {
  /** Default: every kind. */
  kinds?: readonly TokenKind[];
}

export interface RevokeForAccountOptions {
  /** A token to leave alone: the session that is changing its own password. */
  exceptTokenId?: string;
}

export interface AuditEvent {
  id: string;
  at: Date;
  action: AuditAction;
  actor: string;
  target: string | null;
  detail: Record<string, unknown>;
  remoteAddress: string | null;
}

export interface RecordAuditInput {
  action: AuditAction;
  /** "user alice", "token CI uploader", or the name tried at a failed login; cut to 128 characters. */
  actor: string;
  /** What it was done to; cut to 256 characters. */
  target?: string | null;
  /** JSON-serialisable facts; never a password, a token or patient identity. */
  detail?: Record<string, unknown>;
  /** Cut to 64 characters. */
  remoteAddress?: string | null;
  /** Default: the database's current time. */
  at?: Date;
}

export interface ListAuditQuery {
  /** Default 50, at most 500. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  action?: AuditAction;
}

/** Newest first. */
export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}
