import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { parseDatabaseUrl, redactPassword, type DatabaseTarget } from './database-url.js';
import { createAccountRepository, type AccountRepository } from './accounts/account-repository.js';
import { createAuditRepository, type AuditRepository } from './accounts/audit-repository.js';
import { createTokenRepository, type TokenRepository } from './accounts/token-repository.js';
import { createAlertRepository, type AlertRepository } from './alerts/alert-repository.js';
import { DatabaseError, describeError } from './errors.js';
import { createExamRepository, type ExamRepository } from './exams/exam-repository.js';
import { createFeedbackRepository, type FeedbackRepository } from './feedback/feedback-repository.js';
import { PrismaClient } from './generated/prisma/client.js';
import { pgliteAdapter } from './pglite-adapter.js';
import { lockDataDir } from './pglite-lock.js';
import { silentLogger, type DatabaseLogger } from './logger.js';
import { applyMigrations, type ApplyMigrationsOptions } from './migrations/apply-migrations.js';
import { DEFAULT_MIGRATIONS_DIR } from './migrations/default-migrations-dir.js';
import { readMigrationFiles, type MigrationFile } from './migrations/migration-files.js';
import { pgSession, pgliteSession } from './migrations/sql-session.js';
import { createWebhookRepository, type WebhookRepository } from './webhooks/webhook-repository.js';

export interface OpenDatabaseOptions {
  /** postgres://…, postgresql://…, pglite://<directory> or pglite://memory */
  url: string;
  logger?: DatabaseLogger;
  /** The prisma/migrations folder; by default the repository's, found relative to this package. */
  migrationsDir?: string;
  /** How long to wait for another process migrating the same database (default 60 s). */
  migrationLockTimeoutMs?: number;
  /** PostgreSQL connections in the pool (default 10). */
  poolSize?: number;
}

export interface Database {
  readonly kind: DatabaseTarget['kind'];
  readonly exams: ExamRepository;
  readonly feedback: FeedbackRepository;
  readonly webhooks: WebhookRepository;
  readonly alerts: AlertRepository;
  readonly accounts: AccountRepository;
  readonly tokens: TokenRepository;
  readonly audit: AuditRepository;
  health(): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}

// PGlite runs one statement at a time, so a transaction may wait behind others for a while under load.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

/** Opens the database named by `url` and brings its schema up to date before returning. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const target = parseDatabaseUrl(options.url);
  const logger = options.logger ?? silentLogger;
  const migrations = await readMigrationFiles(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const migrate = { logger, lockTimeoutMs: options.migrationLockTimeoutMs ?? 60_000 };
  return target.kind === 'postgres'
    ? openPostgres(target.connectionString, migrations, migrate, options.poolSize ?? 10)
    : openPglite(target.dataDir, migrations, migrate);
}

async function openPostgres(
  connectionString: string,
  migrations: MigrationFile[],
  migrate: ApplyMigrationsOptions,
  poolSize: number,
): Promise<Database> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseError(
      'CONNECT_FAILED',
      `cannot connect to ${redactPassword(connectionString)}: ${describeError(error)}`,
      { cause: error },
    );
  }
  try {
    await applyMigrations(pgSession(client), migrations, migrate);
  } finally {
    await client.end().catch(() => undefined);
  }
  const adapter = new PrismaPg(
    { connectionString, max: poolSize },
    { onPoolError: (error) => migrate.logger.error('database pool error', { error: error.message }) },
  );
  return assemble(
    'postgres',
    new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }),
    async () => {},
  );
}

async function openPglite(
  dataDir: string | null,
  migrations: MigrationFile[],
  migrate: ApplyMigrationsOptions,
): Promise<Database> {
  const unlock = dataDir === null ? async () => {} : await lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = dataDir === null ? new PGlite() : new PGlite(dataDir);
    await pglite.waitReady;
  } catch (error) {
    await unlock();
    throw new DatabaseError(
      'CONNECT_FAILED',
      `cannot open the embedded database ${dataDir ?? 'in memory'}: ${describeError(error)}`,
      { cause: error },
    );
  }
  try {
    await applyMigrations(pgliteSession(pglite), migrations, migrate);
  } catch (error) {
    await pglite.close().catch(() => undefined);
    await unlock();
    throw error;
  }
  const prisma = new PrismaClient({
    adapter: pgliteAdapter(pglite),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  return assemble('pglite', prisma, () => pglite.close().finally(unlock));
}

function assemble(kind: Database['kind'], prisma: PrismaClient, closeDriver: () => Promise<void>): Database {
  let closed: Promise<void> | null = null;
  return {
    kind,
    exams: createExamRepository(prisma),
    feedback: createFeedbackRepository(prisma),
    webhooks: createWebhookRepository(prisma),
    alerts: createAlertRepository(prisma),
    accounts: createAccountRepository(prisma),
    tokens: createTokenRepository(prisma),
    audit: createAuditRepository(prisma),
    async health() {
      if (closed) return { ok: false, detail: 'closed' };
      try {
        const [row] = await prisma.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
        return { ok: true, detail: row?.version ?? kind };
      } catch (error) {
        return { ok: false, detail: describeError(error) };
      }
    },
    close() {
      closed ??= prisma.$disconnect().then(closeDriver);
      return closed;
    },
  };
}
