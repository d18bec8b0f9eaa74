import { ROLE_PERMISSIONS, type Role, type SessionJson } from '@spineqc/contracts';

/** Who made a request, resolved from a session cookie or a bearer token. */
export interface Principal {
  /** A person signed in (session of an account), or a token standing for an integration or a room tablet. */
  kind: 'user' | 'token';
  /** Account id for people, token id for tokens. */
  id: string;
  name: string;
  username: string | null;
  role: Role;
  /** A tablet's station; it never sees another room. */
  station: string | null;
  tokenId: string;
  tokenKind: 'session' | 'api' | 'device';
  expiresAt: Date | null;
}

/** How a principal appears in the audit log and in feedback's `recordedBy`. */
export function describePrincipal(principal: Principal): string {
  if (principal.kind === 'user') return `user ${principal.username ?? principal.name}`;
  if (principal.role === 'device') return `device ${principal.station ?? '?'} (${principal.name})`;
  return `token ${principal.name}`;
}

export function toSessionJson(principal: Principal): SessionJson {
  return {
    kind: principal.kind,
    id: principal.id,
    name: principal.name,
    username: principal.username,
    role: principal.role,
    station: principal.station,
    permissions: [...ROLE_PERMISSIONS[principal.role]],
    expiresAt: principal.expiresAt?.toISOString() ?? null,
  };
}
