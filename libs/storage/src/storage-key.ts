import { StorageError } from './storage-error.js';

const MAX_KEY_LENGTH = 1024;

/**
 * Returns the key's segments, or throws BAD_KEY. A key is a relative path such as
 * `originals/2026/11/27/<uuid>.dcm`: it must never climb out of the storage root or mean
 * different things on different platforms, hence no `..`, `.`, empty segments, backslashes or NUL.
 */
export function storageKeySegments(key: unknown): string[] {
  if (typeof key !== 'string' || key.length === 0) throw badKey(key, 'must be a non-empty string');
  if (key.length > MAX_KEY_LENGTH) throw badKey(key, `is longer than ${MAX_KEY_LENGTH} characters`);
  if (key.includes('\0')) throw badKey(key, 'contains NUL');
  if (key.includes('\\')) throw badKey(key, 'contains a backslash');
  if (key.startsWith('/')) throw badKey(key, 'is absolute');
  if (/^[A-Za-z]:/.test(key)) throw badKey(key, 'starts with a drive letter');
  const segments = key.split('/');
  for (const segment of segments) {
    if (segment === '') throw badKey(key, 'has an empty path segment');
    if (segment === '.' || segment === '..') throw badKey(key, `has a "${segment}" segment`);
  }
  return segments;
}

function badKey(key: unknown, why: string): StorageError {
  return new StorageError('BAD_KEY', `storage key ${JSON.stringify(key)} ${why}`);
}
