import type { FeedbackRequest } from '@spineqc/contracts';
import { CRITERION_IDS, type CriterionId } from '@spineqc/qc-standard';

export type FeedbackChoice = 'agree' | 'disagree';

/** The review form as the user fills it in. */
export interface FeedbackDraft {
  choice: FeedbackChoice | null;
  criterion: string | null;
  reason: string;
  author: string;
}

export const AUTHOR_MAX = 64;
export const REASON_MAX = 500;

export const EMPTY_DRAFT: FeedbackDraft = { choice: null, criterion: null, reason: '', author: '' };

export type DraftErrors = Partial<Record<keyof FeedbackDraft, string>>;

/**
 * Whether the form asks who is speaking: a signed-in person's feedback is recorded under their account (the API
 * ignores a typed name), so only a session without an account of its own (a shared tablet) types one.
 */
export type AuthorMode = 'typed' | 'account';

/** The same limits the API checks (rest-feedback.ts), said before the request rather than after. */
export function draftErrors(draft: FeedbackDraft, mode: AuthorMode = 'typed'): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.choice === null) errors.choice = 'Choose agree or disagree';
  const author = draft.author.trim();
  if (mode === 'account') {
    // nothing to type
  } else if (!author) errors.author = 'Type your name';
  else if (author.length > AUTHOR_MAX) errors.author = `At most ${AUTHOR_MAX} characters`;
  if (draft.reason.trim().length > REASON_MAX) errors.reason = `At most ${REASON_MAX} characters`;
  if (draft.criterion !== null && !(CRITERION_IDS as string[]).includes(draft.criterion)) {
    errors.criterion = 'Unknown criterion';
  }
  return errors;
}

/** The POST body, from a draft with no errors; source is always 'review' from this page. */
export function feedbackRequest(draft: FeedbackDraft, mode: AuthorMode = 'typed'): FeedbackRequest {
  const reason = draft.reason.trim();
  return {
    agree: draft.choice === 'agree',
    ...(mode === 'typed' ? { author: draft.author.trim() } : {}),
    reason: reason || null,
    criterion: (draft.criterion as CriterionId | null) ?? null,
    source: 'review',
  };
}
