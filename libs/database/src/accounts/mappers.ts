import type { AuditAction, Role } from '@spineqc/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import type { Account, AccountWithSecret, AuditEvent, TokenRecord } from './types.js';

type AccountRow = Prisma.AccountGetPayload<object>;
type TokenRow = Prisma.AuthTokenGetPayload<object>;
type AuditRow = Prisma.AuditEventGetPayload<object>;

/** Newest first; ids break ties between rows written in the same millisecond. */
export const newestTokensFirst = [
  { createdAt: 'desc' },
  { id: 'desc' },
] satisfies Prisma.AuthTokenOrderByWithRelationInput[];

export const newestAuditFirst = [
  { at: 'desc' },
  { id: 'desc' },
] satisfies Prisma.AuditEventOrderByWithRelationInput[];

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastLoginAt: row.lastLoginAt,
  };
}

export function toAccountWithSecret(row: AccountRow): AccountWithSecret {
  return { ...toAccount(row), passwordHash: row.passwordHash };
}

export function toToken(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    kind: row.kind,
    prefix: row.prefix,
    name: row.name,
    role: row.role satisfies Role,
    accountId: row.accountId,
    station: row.station,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    action: row.action as AuditAction,
    actor: row.actor,
    target: row.target,
    detail: row.detail as Record<string, unknown>,
    remoteAddress: row.remoteAddress,
  };
}
