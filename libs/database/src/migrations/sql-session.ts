import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/** One connection, enough to run migration scripts: parameterised queries, multi-statement scripts, transactions. */
export interface SqlSession {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (no parameters). */
  script(sql: string): Promise<void>;
  transaction(work: (session: SqlSession) => Promise<void>): Promise<void>;
}

export function pgSession(client: pg.Client): SqlSession {
  const session: SqlSession = {
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async script(sql) {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await client.query(sql);
    },
    async transaction(work) {
      await client.query('BEGIN');
      try {
        await work(session);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
  };
  return session;
}

export function pgliteSession(db: PGlite | Transaction): SqlSession {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async script(sql) {
      await db.exec(sql);
    },
    async transaction(work) {
      if (!('transaction' in db)) throw new Error('PGlite transactions do not nest');
      await db.transaction((tx) => work(pgliteSession(tx)));
    },
  };
}
