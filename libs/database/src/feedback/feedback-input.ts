import { CRITERION_IDS } from '@spineqc/qc-standard';
import { DatabaseError } from '../errors.js';
import type { FeedbackInput, FeedbackSource } from './types.js';

export const MAX_AUTHOR_LENGTH = 64;
export const MAX_REASON_LENGTH = 500;
export const MAX_RECORDED_BY_LENGTH = 128;
const SOURCES: readonly FeedbackSource[] = ['tablet', 'review'];

export interface CheckedFeedback {
  agree: boolean;
  author: string;
  reason: string | null;
  criterionId: string | null;
  source: FeedbackSource;
  recordedBy: string | null;
}

/** The row to store, or BAD_QUERY naming the field at fault (the API checks first; this guards other callers). */
export function checkFeedback(input: FeedbackInput): CheckedFeedback {
  const author = input.author.trim();
  if (author.length < 1 || author.length > MAX_AUTHOR_LENGTH) {
    throw bad(`author must be 1–${MAX_AUTHOR_LENGTH} characters`);
  }
  const reason = input.reason?.trim() || null;
  if (reason !== null && reason.length > MAX_REASON_LENGTH) {
    throw bad(`reason must be at most ${MAX_REASON_LENGTH} characters, got ${reason.length}`);
  }
  const criterionId = input.criterion ?? null;
  if (criterionId !== null && !(CRITERION_IDS as string[]).includes(criterionId)) {
    throw bad(`criterion "${criterionId}" is not one of ${CRITERION_IDS.join(', ')}`);
  }
  const source = input.source ?? 'review';
  if (!SOURCES.includes(source)) throw bad(`source must be one of ${SOURCES.join(', ')}`);
  const recordedBy = input.recordedBy?.trim() || null;
  if (recordedBy !== null && recordedBy.length > MAX_RECORDED_BY_LENGTH) {
    throw bad(`recordedBy must be at most ${MAX_RECORDED_BY_LENGTH} characters`);
  }
  return { agree: input.agree, author, reason, criterionId, source, recordedBy };
}

function bad(message: string): DatabaseError {
  return new DatabaseError('BAD_QUERY', `feedback: ${message}`);
}
