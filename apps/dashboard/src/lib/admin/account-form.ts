// The account forms (create, reset password, change one's own password): their drafts, what is missing, and the
// request bodies. The rules are the API's (libs/contracts/src/auth.ts), said before the request instead of after.
import type { ChangePasswordRequest, CreateAccountRequest, UserRole } from '@spineqc/contracts';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const NAME_MAX = 64;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export interface AccountDraft {
  username: string;
  displayName: string;
  role: UserRole;
  password: string;
}

export const EMPTY_ACCOUNT_DRAFT: AccountDraft = {
  username: '',
  displayName: '',
  role: 'technologist',
  password: '',
};

export type AccountProblems = Partial<Record<'username' | 'displayName' | 'password', string>>;

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B), as the API checks. */
export function passwordProblem(password: string): string | undefined {
  if (password.length === 0) return 'Enter a password.';
  if (password.length < PASSWORD_MIN) return `At least ${PASSWORD_MIN} characters (${password.length} now).`;
  if (password.length > PASSWORD_MAX) return `At most ${PASSWORD_MAX} characters.`;
  return undefined;
}

export function accountProblems(draft: AccountDraft): AccountProblems {
  const problems: AccountProblems = {};
  const username = draft.username.trim().toLowerCase();
  if (username === '') problems.username = 'Enter a username.';
  else if (!USERNAME.test(username))
    problems.username = '2–64 characters: letters, digits, . _ -, starting with a letter or digit.';
  const displayName = draft.displayName.trim();
  if (displayName === '') problems.displayName = 'Enter the name people know them by.';
  else if (displayName.length > NAME_MAX) problems.displayName = `At most ${NAME_MAX} characters.`;
  const password = passwordProblem(draft.password);
  if (password) problems.password = password;
  return problems;
}

export function hasAnyProblem(problems: object): boolean {
  return Object.values(problems).some(Boolean);
}

export function accountRequest(draft: AccountDraft): CreateAccountRequest {
  return {
    username: draft.username.trim().toLowerCase(),
    displayName: draft.displayName.trim(),
    role: draft.role,
    password: draft.password,
  };
}

export interface PasswordChangeDraft {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

export const EMPTY_PASSWORD_CHANGE: PasswordChangeDraft = {
  currentPassword: '',
  newPassword: '',
  confirmation: '',
};

export type PasswordChangeProblems = Partial<Record<keyof PasswordChangeDraft, string>>;

export function passwordChangeProblems(draft: PasswordChangeDraft): PasswordChangeProblems {
  const problems: PasswordChangeProblems = {};
  if (draft.currentPassword === '') problems.currentPassword = 'Enter your current password.';
  const next = passwordProblem(draft.newPassword);
  if (next) problems.newPassword = next;
  else if (draft.newPassword === draft.currentPassword)
    problems.newPassword = 'Choose a password different from the current one.';
  if (draft.confirmation !== draft.newPassword) problems.confirmation = 'The two new passwords differ.';
  return problems;
}

export function passwordChangeRequest(draft: PasswordChangeDraft): ChangePasswordRequest {
  return { currentPassword: draft.currentPassword, newPassword: draft.newPassword };
}
