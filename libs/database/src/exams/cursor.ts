import { DatabaseError } from '../errors.js';
import { isUuid } from './uuid.js';

/** Position after the last exam of a page: pages are ordered by (receivedAt, id) descending, so this is stable. */
export interface ExamCursor {
  receivedAt: Date;
  id: string;
}

export function encodeCursor(cursor: ExamCursor): string {
  return Buffer.from(`${cursor.receivedAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): ExamCursor {
  const [iso, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const receivedAt = new Date(iso ?? '');
  if (rest.length > 0 || id === undefined || !isUuid(id) || Number.isNaN(receivedAt.getTime())) {
    throw new DatabaseError('BAD_CURSOR', 'the page cursor is not one this server issued');
  }
  return { receivedAt, id };
}
