// The repository suite and the migration runner against a real PostgreSQL server. Needs SPINEQC_TEST_POSTGRES_URL:
// a role that may CREATE DATABASE, e.g. postgresql://postgres:postgres@127.0.0.1:5432/postgres. Every database this
// file creates is named spineqc_test_<random> and dropped at the end.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, openDatabase, type Database, type DatabaseLogger } from '../src/index.js';
import { buildHistory } from './history.js';
import { prisma } from './prisma-cli.js';
import { describeRepository } from './repository-suite.js';
import { T0, subscription } from './webhook-fixtures.js';

const ADMIN_URL = process.env['SPINEQC_TEST_POSTGRES_URL'];
if (!ADMIN_URL) {
  throw new Error(
    'SPINEQC_TEST_POSTGRES_URL is not set: point it at a PostgreSQL role allowed to CREATE DATABASE, ' +
      'e.g. postgresql://postgres:postgres@127.0.0.1:5432/postgres',
  );
}
const adminUrl: string = ADMIN_URL;
const created: string[] = [];

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database on the test server; its URL. */
async function freshDatabase(): Promise<string> {
  const name = `spineqc_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  await admin(async (client) => {
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

function recordingLogger(): DatabaseLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(m),
    warn: (m) => lines.push(`warn: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
  };
}

async function migrationRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    return result.rows;
  } finally {
    await client.end();
  }
}

async function committedMigrations() {
  const names = (
    await import('node:fs/promises').then((fs) => fs.readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true }))
  )
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      migration_name: name,
      checksum: createHash('sha256')
        .update(await readFile(join(DEFAULT_MIGRATIONS_DIR, name, 'migration.sql')))
        .digest('hex'),
      applied_steps_count: 1,
    })),
  );
}

describe('exam repository on PostgreSQL', () => {
  describeRepository(async () => openDatabase({ url: await freshDatabase() }));
});

describe('migrations on PostgreSQL', () => {
  it('migrate once when several processes start together', async () => {
    const url = await freshDatabase();
    const logs = [recordingLogger(), recordingLogger(), recordingLogger()];
    const dbs = await Promise.all(logs.map((logger) => openDatabase({ url, logger })));
    await Promise.all(dbs.map((db) => db.close()));
    const expected = await committedMigrations();
    const applied = logs.flatMap((log) => log.lines.filter((line) => line.startsWith('applied migration')));
    expect(applied).toHaveLength(expected.length);
    expect(await migrationRows(url)).toEqual(expected);
  });

  it('leave a history that `prisma migrate status` and `prisma migrate deploy` accept', async () => {
    const url = await freshDatabase();
    await (await openDatabase({ url })).close();
    const status = await prisma(['migrate', 'status'], url);
    expect(status.output).toContain('Database schema is up to date');
    expect(status.code).toBe(0);
    const deploy = await prisma(['migrate', 'deploy'], url);
    expect(deploy.output).toContain('No pending migrations to apply');
    expect(deploy.code).toBe(0);
  });

  it('accept a database that `prisma migrate deploy` migrated', async () => {
    const url = await freshDatabase();
    const deploy = await prisma(['migrate', 'deploy'], url);
    expect(deploy.code, deploy.output).toBe(0);
    const logger = recordingLogger();
    const db = await openDatabase({ url, logger });
    try {
      expect(logger.lines).toEqual([]);
      expect(await migrationRows(url)).toEqual(await committedMigrations());
      expect((await db.health()).ok).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('wait for another migrating process and give up after the timeout', async () => {
    const url = await freshDatabase();
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(72707369)');
      const error = await openDatabase({ url, migrationLockTimeoutMs: 500 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'MIGRATION_LOCKED' });
      await holder.query('SELECT pg_advisory_unlock(72707369)');
      await (await openDatabase({ url, migrationLockTimeoutMs: 500 })).close();
    } finally {
      await holder.end();
    }
  });

  it('report an unreachable server without its password', async () => {
    const error = await openDatabase({ url: 'postgresql://spineqc:s3cr3t@127.0.0.1:1/spineqc' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'CONNECT_FAILED' });
    expect((error as Error).message).not.toContain('s3cr3t');
  });
});

describe('webhook outbox on PostgreSQL', () => {
  it('lets two processes claim deliveries side by side, passing over rows another is claiming', async () => {
    const url = await freshDatabase();
    const [first, second] = [await openDatabase({ url }), await openDatabase({ url })];
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      if (!first || !second) throw new Error('not open');
      await first.webhooks.create(subscription());
      const queued: string[] = [];
      for (let n = 0; n < 10; n += 1) {
        queued.push(
          ...(await first.webhooks.enqueue({ eventType: 'exam.judged', payload: { n }, now: T0 })).map(
            (d) => d.id,
          ),
        );
      }
      // A third worker is in the middle of its claim: it holds the row locks of four deliveries.
      await locker.query('BEGIN');
      const held = await locker.query<{ id: string }>(
        'SELECT id::text AS id FROM webhook_delivery ORDER BY id LIMIT 4 FOR UPDATE',
      );
      const heldIds = held.rows.map((row) => row.id);
      // Neither waits for those locks (a wait would never end: the locker commits only afterwards).
      const claims = await Promise.all(
        [first, second].map((db) => db.webhooks.claimDue({ now: T0, limit: 10, leaseMs: 60_000 })),
      );
      const claimed = claims.flatMap((claim) => claim.map((d) => d.id));
      expect(claimed.sort()).toEqual(queued.filter((id) => !heldIds.includes(id)).sort());
      await locker.query('COMMIT');
      const rest = await second.webhooks.claimDue({ now: T0, limit: 10, leaseMs: 60_000 });
      expect(rest.map((d) => d.id).sort()).toEqual([...heldIds].sort());
    } finally {
      await locker.end();
      await Promise.all([first?.close(), second?.close()]);
    }
  });
});

describe('PostgreSQL and PGlite', () => {
  it('return identical statistics for the same history', async () => {
    const open: Database[] = [
      await openDatabase({ url: await freshDatabase() }),
      await openDatabase({ url: 'pglite://memory' }),
    ];
    try {
      for (const db of open) await buildHistory(db);
      for (const period of ['day', 'week'] as const) {
        for (const groupBy of ['technologist', 'station', 'view', 'criterion'] as const) {
          for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
            const [server, embedded] = await Promise.all(
              open.map((db) => db.exams.stats({ period, groupBy, timeZone })),
            );
            expect(server, `${period} × ${groupBy} in ${timeZone}`).toEqual(embedded);
            expect(server?.length).toBeGreaterThan(0);
          }
        }
      }
    } finally {
      await Promise.all(open.map((db) => db.close()));
    }
  });
});
