import { DatabaseError } from '../errors.js';

// PostgreSQL text cannot hold NUL, and other control characters have no business in names shown on screen.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** `value` trimmed, 1…max characters and free of control characters, or BAD_QUERY naming `field`. */
export function checkName(field: string, value: string, max: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length < 1 || trimmed.length > max || CONTROL.test(trimmed)) {
    throw new DatabaseError('BAD_QUERY', `${field} must be 1–${max} characters without control characters`);
  }
  return trimmed;
}

/** Like `checkName`, but null (or blank) stays null. */
export function checkOptionalName(
  field: string,
  value: string | null | undefined,
  max: number,
): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return checkName(field, value, max);
}

export function bad(message: string): DatabaseError {
  return new DatabaseError('BAD_QUERY', message);
}
