// Who may do what: roles, the permissions each carries, and the REST shapes of accounts, tokens and the audit log.
// Shared by the API (which enforces it) and the dashboard (which only hides what a role cannot use).
import { z } from 'zod';

/** People sign in with one of these roles. */
export const USER_ROLES = ['technologist', 'qa_manager', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * Every kind of caller. `ingest` is a machine role for integrations that send images (STOW-RS, upload);
 * `device` is a room tablet paired to one station, which it never leaves.
 */
export const ROLES = [...USER_ROLES, 'ingest', 'device'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an API token may carry (a device token is made by pairing, not here). */
export const API_TOKEN_ROLES = [...USER_ROLES, 'ingest'] as const;
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

export const PERMISSIONS = [
  /** Exam list, detail, overlay, review pixels, masks, acquisition tags; live verdicts. */
  'exams.read',
  /** The original file as received (it carries patient identity). */
  'exams.original',
  /** Send images: upload, STOW-RS. */
  'exams.ingest',
  'feedback.write',
  /** Disputed exams and agreement statistics across exams. */
  'feedback.review',
  'stats.read',
  'alerts.read',
  'ingest-failures.read',
  'webhooks.manage',
  'accounts.manage',
  'audit.read',
  'metrics.read',
  /** The OpenAPI document and its browser. */
  'docs.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const TECHNOLOGIST: readonly Permission[] = ['exams.read', 'feedback.write', 'stats.read', 'docs.read'];
const QA_MANAGER: readonly Permission[] = [
  ...TECHNOLOGIST,
  'exams.original',
  'feedback.review',
  'alerts.read',
  'ingest-failures.read',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  technologist: TECHNOLOGIST,
  qa_manager: QA_MANAGER,
  admin: PERMISSIONS,
  ingest: ['exams.ingest'],
  // A tablet sees and comments on its own room only (enforced per request, not just by permission).
  device: ['exams.read', 'feedback.write'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  technologist: 'Technologist',
  qa_manager: 'QA manager',
  admin: 'Administrator',
  ingest: 'Ingest (integration)',
  device: 'Room tablet',
};

/** The session cookie the dashboard signs in with (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'spineqc_session';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,63}$/,
    '2–64 characters: letters, digits, . _ -, starting with a letter or digit',
  );
/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const passwordSchema = z.string().min(12, 'at least 12 characters').max(256);
const displayNameSchema = z.string().trim().min(1).max(64);
const stationSchema = z.string().trim().min(1).max(64);

/** `POST /api/auth/login`: a person's credentials, or a tablet's pairing token. Answers `SessionJson` + cookie. */
export const loginRequestSchema = z.union([
  z.object({ username: usernameSchema, password: z.string().min(1).max(256) }).strict(),
  z.object({ deviceToken: z.string().min(1).max(200) }).strict(),
]);
export type LoginRequest = z.input<typeof loginRequestSchema>;

/** `POST /api/auth/password`: change one's own password (every other session of the account ends). */
export const changePasswordRequestSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema })
  .strict();
export type ChangePasswordRequest = z.input<typeof changePasswordRequestSchema>;

/** `POST /api/accounts` */
export const createAccountRequestSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: z.enum(USER_ROLES),
    password: passwordSchema,
  })
  .strict();
export type CreateAccountRequest = z.input<typeof createAccountRequestSchema>;

/** `PATCH /api/accounts/:id`: a new password ends the account's sessions; disabling also revokes its tokens. */
export const updateAccountRequestSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    role: z.enum(USER_ROLES).optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateAccountRequest = z.input<typeof updateAccountRequestSchema>;

/** `POST /api/tokens`: an API token for an integration, or (role `device`) a room tablet's pairing token. */
export const createTokenRequestSchema = z.discriminatedUnion('role', [
  z
    .object({
      role: z.enum(API_TOKEN_ROLES),
      name: displayNameSchema,
      /** Days until it stops working; none = until revoked. */
      expiresInDays: z.number().int().min(1).max(3650).optional(),
    })
    .strict(),
  z.object({ role: z.literal('device'), name: displayNameSchema, station: stationSchema }).strict(),
]);
export type CreateTokenRequest = z.input<typeof createTokenRequestSchema>;

/** Who is calling: `GET /api/auth/me`, and the answer to a login. */
export interface SessionJson {
  kind: 'user' | 'token';
  /** Account id (people) or token id (integrations, tablets). */
  id: string;
  name: string;
  username: string | null;
  role: Role;
  /** The only station a tablet may see; null for everyone else. */
  station: string | null;
  permissions: Permission[];
  /** When this session ends (null: the token does not expire). */
  expiresAt: string | null;
}

export interface AccountJson {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface AccountListJson {
  items: AccountJson[];
}

export interface TokenJson {
  id: string;
  name: string;
  role: ApiTokenRole | 'device';
  station: string | null;
  /** First characters of the token, so an operator can tell which one is in use. */
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/tokens` answers the token itself — the only time it is ever shown. */
export interface CreatedTokenJson extends TokenJson {
  token: string;
}

export interface TokenListJson {
  items: TokenJson[];
}

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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventJson {
  id: string;
  at: string;
  action: AuditAction;
  /** Who did it: "user alice", "token CI uploader", or the name tried at a failed login. */
  actor: string;
  /** What it was done to (an account, a token, a subscription, an exam). */
  target: string | null;
  detail: Record<string, unknown>;
  remoteAddress: string | null;
}

/** `GET /api/audit`: newest first; pass `nextCursor` as `cursor` for the next page. */
export interface AuditPageJson {
  items: AuditEventJson[];
  nextCursor: string | null;
}
