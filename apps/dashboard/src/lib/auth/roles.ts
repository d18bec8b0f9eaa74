// The role and audit vocabularies the pages need as values. @spineqc/contracts holds the same lists next to zod
// schemas that must stay out of the browser bundle, so they are repeated here, typed against the contract (and a
// spec checks that the two agree).
import type { ApiTokenRole, AuditAction, Permission, Role, SessionJson, UserRole } from '@spineqc/contracts';

export const USER_ROLES = ['technologist', 'qa_manager', 'admin'] as const satisfies readonly UserRole[];

export const API_TOKEN_ROLES = [...USER_ROLES, 'ingest'] as const satisfies readonly ApiTokenRole[];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  technologist: 'Technologist',
  qa_manager: 'QA manager',
  admin: 'Administrator',
  ingest: 'Ingest (integration)',
  device: 'Room tablet',
};

/** What each role is for, said where an administrator picks one. */
export const ROLE_DESCRIPTIONS: Readonly<Record<ApiTokenRole, string>> = {
  technologist: 'Rooms, exams and statistics; gives feedback',
  qa_manager: 'Also alerts, disputed exams, originals and ingest failures',
  admin: 'Everything, including accounts, tokens, webhooks and the audit log',
  ingest: 'Sends images (STOW-RS, upload) and nothing else',
};

export const roleLabel = (role: Role): string => ROLE_LABELS[role] ?? role;

export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'logout',
  'password.changed',
  'account.created',
  'account.updated',
  'token.created',
  'token.revoked',
  'webhook.subscription.created',
  'webhook.subscription.updated',
  'webhook.subscription.deleted',
  'webhook.subscription.secret-rotated',
  'webhook.delivery.redelivered',
  'feedback.recorded',
] as const satisfies readonly AuditAction[];

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'login.succeeded': 'Signed in',
  'login.failed': 'Sign-in refused',
  logout: 'Signed out',
  'password.changed': 'Password changed',
  'account.created': 'Account created',
  'account.updated': 'Account changed',
  'token.created': 'Token created',
  'token.revoked': 'Token revoked',
  'webhook.subscription.created': 'Webhook subscribed',
  'webhook.subscription.updated': 'Webhook changed',
  'webhook.subscription.deleted': 'Webhook deleted',
  'webhook.subscription.secret-rotated': 'Webhook secret rotated',
  'webhook.delivery.redelivered': 'Webhook redelivered',
  'feedback.recorded': 'Feedback recorded',
};

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export function can(session: Pick<SessionJson, 'permissions'> | null, permission: Permission): boolean {
  return session?.permissions.includes(permission) ?? false;
}

/** A room tablet: signed in with a pairing token, bound to one station. */
export function isTablet(session: Pick<SessionJson, 'role' | 'station'> | null): session is SessionJson & {
  station: string;
} {
  return session?.role === 'device' && typeof session.station === 'string' && session.station !== '';
}

/** A person signed in with their own account: what they post is recorded under their name. */
export function speaksAsAccount(session: Pick<SessionJson, 'kind'> | null): boolean {
  return session?.kind === 'user';
}
