// The API token and tablet pairing forms: drafts, what is missing, request bodies; and a token's state.
import type { ApiTokenRole, CreateTokenRequest, TokenJson } from '@spineqc/contracts';
import { NAME_MAX } from './account-form';

export interface TokenDraft {
  name: string;
  role: ApiTokenRole;
  /** Days as the select holds them; '' = until revoked. */
  expiresInDays: string;
}

export const EMPTY_TOKEN_DRAFT: TokenDraft = { name: '', role: 'ingest', expiresInDays: '365' };

export const EXPIRY_OPTIONS = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: '', label: 'Never (until revoked)' },
] as const;

const nameProblem = (name: string, what: string): string | undefined => {
  const trimmed = name.trim();
  if (trimmed === '') return `Enter ${what}.`;
  if (trimmed.length > NAME_MAX) return `At most ${NAME_MAX} characters.`;
  return undefined;
};

export function tokenProblems(draft: TokenDraft): { name?: string } {
  const name = nameProblem(draft.name, 'a name that says what uses it');
  return name ? { name } : {};
}

export function tokenRequest(draft: TokenDraft): CreateTokenRequest {
  const days = Number(draft.expiresInDays);
  return {
    role: draft.role,
    name: draft.name.trim(),
    ...(draft.expiresInDays !== '' && Number.isInteger(days) && days > 0 ? { expiresInDays: days } : {}),
  };
}

export interface TabletDraft {
  station: string;
  name: string;
}

export const EMPTY_TABLET_DRAFT: TabletDraft = { station: '', name: '' };

export function tabletProblems(draft: TabletDraft): { station?: string; name?: string } {
  const problems: { station?: string; name?: string } = {};
  const station = nameProblem(draft.station, 'the room (its DICOM StationName)');
  const name = nameProblem(draft.name, 'a name for the tablet');
  if (station) problems.station = station;
  if (name) problems.name = name;
  return problems;
}

export function tabletRequest(draft: TabletDraft): CreateTokenRequest {
  return { role: 'device', name: draft.name.trim(), station: draft.station.trim() };
}

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: Pick<TokenJson, 'revokedAt' | 'expiresAt'>, now: Date): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** Working tokens first, then the newest: what an administrator looks for. */
export function sortTokens<T extends Pick<TokenJson, 'revokedAt' | 'expiresAt' | 'createdAt'>>(
  tokens: readonly T[],
  now: Date,
): T[] {
  const rank = (token: T) => (tokenState(token, now) === 'active' ? 0 : 1);
  return [...tokens].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
}
