import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseError } from '../errors.js';
import type { DatabaseLogger } from '../logger.js';
import { applyMigrations } from './apply-migrations.js';
import { readMigrationFiles } from './migration-files.js';
import { pgliteSession } from './sql-session.js';

let dir: string;
let db: PGlite;
const lines: string[] = [];
const logger: DatabaseLogger = {
  info: (message) => lines.push(message),
  warn: (message) => lines.push(`warn: ${message}`),
  error: (message) => lines.push(`error: ${message}`),
};

async function addMigration(name: string, sql: string): Promise<void> {
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(join(dir, name, 'migration.sql'), sql);
}

async function migrate(): Promise<string[]> {
  return applyMigrations(pgliteSession(db), await readMigrationFiles(dir), { logger, lockTimeoutMs: 1000 });
}

async function history() {
  return (
    await db.query<{
      migration_name: string;
      checksum: string;
      finished: boolean;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at, applied_steps_count
         FROM "_prisma_migrations" ORDER BY migration_name`,
    )
  ).rows;
}

async function tables(): Promise<string[]> {
  const result = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  return result.rows.map((row) => row.name);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spineqc-migrations-'));
  await writeFile(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  db = new PGlite();
  lines.length = 0;
});

afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('applyMigrations', () => {
  it('applies pending migrations in name order and records them as Prisma does', async () => {
    const second = 'ALTER TABLE a ADD COLUMN note TEXT;\nCREATE TABLE b (id INT);\n';
    await addMigration('20260102000000_second', second);
    await addMigration('20260101000000_first', 'CREATE TABLE a (id INT);\n');
    expect(await migrate()).toEqual(['20260101000000_first', '20260102000000_second']);
    expect(await tables()).toEqual(['_prisma_migrations', 'a', 'b']);
    const rows = await history();
    expect(
      rows.map((row) => [row.migration_name, row.finished, row.rolled_back_at, row.applied_steps_count]),
    ).toEqual([
      ['20260101000000_first', true, null, 1],
      ['20260102000000_second', true, null, 1],
    ]);
    expect(rows[1]?.checksum).toBe(createHash('sha256').update(second).digest('hex'));
  });

  it('applies only what is new on the next start', async () => {
    await addMigration('20260101000000_first', 'CREATE TABLE a (id INT);');
    await migrate();
    expect(await migrate()).toEqual([]);
    await addMigration('20260103000000_third', 'CREATE TABLE c (id INT);');
    expect(await migrate()).toEqual(['20260103000000_third']);
    expect(await history()).toHaveLength(2);
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    await addMigration('20260101000000_first', 'CREATE TABLE a (id INT);');
    await addMigration(
      '20260102000000_broken',
      'CREATE TABLE half (id INT);\nINSERT INTO missing VALUES (1);',
    );
    const error = await migrate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe('MIGRATION_FAILED');
    expect((error as DatabaseError).message).toMatch(/20260102000000_broken.*missing/);
    expect(await tables()).toEqual(['_prisma_migrations', 'a']);
    expect((await history()).map((row) => row.migration_name)).toEqual(['20260101000000_first']);
  });

  it('stops at a migration Prisma left unfinished', async () => {
    await addMigration('20260101000000_first', 'CREATE TABLE a (id INT);');
    await migrate();
    await addMigration('20260102000000_second', 'CREATE TABLE b (id INT);');
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at)
       VALUES ('x', 'y', '20260102000000_second', now())`,
    );
    const error = (await migrate().catch((e: unknown) => e)) as DatabaseError;
    expect(error.code).toBe('MIGRATION_INCOMPLETE');
    expect(error.message).toContain('prisma migrate resolve');
    expect(await tables()).not.toContain('b');
  });

  it('warns about an applied migration edited afterwards or unknown to this build, and carries on', async () => {
    await addMigration('20260101000000_first', 'CREATE TABLE a (id INT);');
    await migrate();
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
       VALUES ('z', 'c', now(), '20991231000000_from_the_future', 1)`,
    );
    await addMigration('20260101000000_first', 'CREATE TABLE a (id INT); -- edited');
    expect(await migrate()).toEqual([]);
    expect(lines.filter((line) => line.startsWith('warn:'))).toEqual([
      'warn: the database has migration 20991231000000_from_the_future, which this build does not know',
      'warn: migration 20260101000000_first was edited after it was applied (checksum differs)',
    ]);
  });
});

describe('readMigrationFiles', () => {
  it('names a missing folder', async () => {
    const error = (await readMigrationFiles(join(dir, 'nowhere')).catch((e: unknown) => e)) as DatabaseError;
    expect(error.code).toBe('MIGRATIONS_NOT_FOUND');
    expect(error.message).toContain('nowhere');
  });

  it('refuses a folder without migrations', async () => {
    const error = (await readMigrationFiles(dir).catch((e: unknown) => e)) as DatabaseError;
    expect(error.code).toBe('MIGRATIONS_NOT_FOUND');
  });
});
