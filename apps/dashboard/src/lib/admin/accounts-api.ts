// Accounts, API tokens, tablet pairings and the audit log (all admin routes; see libs/contracts/src/auth.ts).
import type {
  AccountJson,
  AccountListJson,
  AuditPageJson,
  CreateAccountRequest,
  CreatedTokenJson,
  CreateTokenRequest,
  TokenJson,
  TokenListJson,
  UpdateAccountRequest,
} from '@spineqc/contracts';
import { deleteJson, getJson, patchJson, postJson } from '@/lib/api-client';

const one = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export const listAccounts = (init?: RequestInit) =>
  getJson<AccountListJson>('/api/accounts', undefined, init);

/** 409 when the username is taken. */
export const createAccount = (body: CreateAccountRequest) => postJson<AccountJson>('/api/accounts', body);

/** 409 when the last administrator would be demoted or disabled. */
export const updateAccount = (id: string, body: UpdateAccountRequest) =>
  patchJson<AccountJson>(one('/api/accounts', id), body);

/** `api`: tokens for integrations; `device`: room tablet pairings. */
export const listTokens = (kind: 'api' | 'device', init?: RequestInit) =>
  getJson<TokenListJson>('/api/tokens', { kind }, init);

/** The answer holds the token itself: the only time it is ever shown. */
export const createToken = (body: CreateTokenRequest) => postJson<CreatedTokenJson>('/api/tokens', body);

/** It stops working at once; a tablet on that token is disconnected. */
export const revokeToken = (id: string) => deleteJson<TokenJson>(one('/api/tokens', id));

export interface AuditQuery {
  action?: string;
  limit?: number;
  cursor?: string;
}

export const listAudit = (query: AuditQuery, init?: RequestInit) =>
  getJson<AuditPageJson>('/api/audit', { ...query }, init);
