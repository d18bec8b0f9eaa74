import type { AccountJson, TokenJson } from '@spineqc/contracts';
import type { Account, TokenRecord } from '@spineqc/database';

export function toAccountJson(account: Account): AccountJson {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    disabled: account.disabled,
    createdAt: account.createdAt.toISOString(),
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
  };
}

export function toTokenJson(token: TokenRecord): TokenJson {
  return {
    id: token.id,
    name: token.name,
    role: token.role as TokenJson['role'],
    station: token.station,
    prefix: token.prefix,
    createdBy: token.createdBy,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
