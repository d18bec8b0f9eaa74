import { DatabaseError } from '../errors.js';
import { isUuid } from '../exams/uuid.js';
import type { AlertInput, AlertSubjectKind } from './types.js';

const SUBJECT_KINDS: readonly AlertSubjectKind[] = ['station', 'technologist'];
const MAX_NAME_LENGTH = 64;

/** The alert to store, or BAD_QUERY naming the field at fault. */
export function checkAlert(alert: AlertInput): AlertInput {
  if (!SUBJECT_KINDS.includes(alert.subjectKind)) {
    throw bad(`subjectKind must be one of ${SUBJECT_KINDS.join(', ')}`);
  }
  const badIds = alert.examIds.filter((id) => !isUuid(id));
  if (badIds.length > 0) throw bad(`examIds must be UUIDs, got ${badIds.join(', ')}`);
  if (alert.title.trim() === '' || alert.message.trim() === '')
    throw bad('title and message must not be blank');
  if (typeof alert.metrics !== 'object' || alert.metrics === null || Array.isArray(alert.metrics)) {
    throw bad('metrics must be an object');
  }
  return {
    ...alert,
    ruleKind: name('ruleKind', alert.ruleKind),
    ruleVersion: name('ruleVersion', alert.ruleVersion),
    subject: name('subject', alert.subject),
    // Stored as text (see the schema): lower case, as PostgreSQL prints a uuid.
    examIds: alert.examIds.map((id) => id.toLowerCase()),
  };
}

function name(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > MAX_NAME_LENGTH) {
    throw bad(`${field} must be 1–${MAX_NAME_LENGTH} characters`);
  }
  return trimmed;
}

function bad(message: string): DatabaseError {
  return new DatabaseError('BAD_QUERY', `alert: ${message}`);
}
