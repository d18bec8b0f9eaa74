import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '../src/index.js';
import { DatabaseError } from '../src/index.js';

/** A fresh database for the enclosing describe block, closed after it. */
export function useDatabase(open: () => Promise<Database>): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });
  return () => {
    if (!db) throw new Error('database not open');
    return db;
  };
}

/** The DatabaseError `promise` rejects with (fails the test when it resolves or throws something else). */
export async function errorOf(promise: Promise<unknown>): Promise<DatabaseError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseError);
  return error as DatabaseError;
}
