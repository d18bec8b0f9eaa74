import { randomUUID } from 'node:crypto';
import { DatabaseError, describeError } from '../errors.js';
import type { DatabaseLogger } from '../logger.js';
import type { MigrationFile } from './migration-files.js';
import type { SqlSession } from './sql-session.js';

/** The key Prisma's schema engine locks, so this runner and `prisma migrate deploy` also exclude each other. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
const LOCK_POLL_MS = 200;

/** Prisma's own definition of its history table, so `prisma migrate status` reads what this runner writes. */
const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished: boolean;
  rolled_back: boolean;
}

export interface ApplyMigrationsOptions {
  logger: DatabaseLogger;
  /** How long to wait for another process that is migrating the same database. */
  lockTimeoutMs: number;
}

/**
 * Applies the migrations the database has not recorded, in order, each in its own transaction together with its
 * `_prisma_migrations` row, so a failure leaves neither half-applied. (A migration Prisma cannot run in a transaction,
 * such as CREATE INDEX CONCURRENTLY, therefore does not belong in this folder.) Returns the names applied.
 */
export async function applyMigrations(
  session: SqlSession,
  migrations: readonly MigrationFile[],
  options: ApplyMigrationsOptions,
): Promise<string[]> {
  await acquireLock(session, options.lockTimeoutMs);
  try {
    await session.script(CREATE_HISTORY_TABLE);
    const history = await session.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
         FROM "_prisma_migrations"`,
    );
    warnAboutUnknown(history, migrations, options.logger);
    const applied: string[] = [];
    for (const migration of migrations) {
      if (isApplied(history, migration, options.logger)) continue;
      await applyOne(session, migration);
      options.logger.info(`applied migration ${migration.name}`, { migration: migration.name });
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
  }
}

async function acquireLock(session: SqlSession, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      PRISMA_ADVISORY_LOCK_KEY,
    ]);
    if (row?.locked) return;
    if (Date.now() >= deadline) {
      throw new DatabaseError(
        'MIGRATION_LOCKED',
        `another process held the migration lock for more than ${timeoutMs} ms; is a migration stuck?`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

function isApplied(
  history: readonly HistoryRow[],
  migration: MigrationFile,
  logger: DatabaseLogger,
): boolean {
  const rows = history.filter((row) => row.migration_name === migration.name && !row.rolled_back);
  const finished = rows.find((row) => row.finished);
  if (finished) {
    if (finished.checksum !== migration.checksum) {
      // Prisma warns and carries on too: the change is already in the database, the file was edited afterwards.
      logger.warn(`migration ${migration.name} was edited after it was applied (checksum differs)`, {
        migration: migration.name,
      });
    }
    return true;
  }
  if (rows.length > 0) {
    throw new DatabaseError(
      'MIGRATION_INCOMPLETE',
      `migration ${migration.name} started earlier but never finished; repair the database, then mark it with ` +
        `\`prisma migrate resolve --applied|--rolled-back ${migration.name}\``,
    );
  }
  return false;
}

function warnAboutUnknown(
  history: readonly HistoryRow[],
  migrations: readonly MigrationFile[],
  logger: DatabaseLogger,
): void {
  const known = new Set(migrations.map((migration) => migration.name));
  for (const row of history) {
    if (!known.has(row.migration_name) && !row.rolled_back) {
      logger.warn(`the database has migration ${row.migration_name}, which this build does not know`, {
        migration: row.migration_name,
      });
    }
  }
}

async function applyOne(session: SqlSession, migration: MigrationFile): Promise<void> {
  const startedAt = new Date().toISOString();
  try {
    await session.transaction(async (tx) => {
      await tx.script(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations"
           (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
    });
  } catch (error) {
    throw new DatabaseError(
      'MIGRATION_FAILED',
      `migration ${migration.name} failed: ${describeError(error)}`,
      {
        cause: error,
      },
    );
  }
}
