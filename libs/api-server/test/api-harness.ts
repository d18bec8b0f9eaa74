import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, mintToken } from '@spineqc/auth';
import { InProcessBus } from '@spineqc/bus';
import { loadConfig } from '@spineqc/config';
import type { Role } from '@spineqc/contracts';
import { openDatabase, type Database } from '@spineqc/database';
import { createDecodePool } from '@spineqc/imaging';
import { silentLogger } from '@spineqc/logging';
import { LocalFileStorage } from '@spineqc/storage';
import { startApi, type RunningApi } from '../src/index.js';

export interface ApiHarness {
  api: RunningApi;
  db: Database;
  baseUrl: string;
  /** A token for each role (people sign in with a session; the others hold API/device tokens). */
  tokens: Record<Role, string>;
  close(): Promise<void>;
}

/** The real API in this process on an ephemeral port, with an in-memory PGlite, a temp folder and the in-process bus. */
export async function startHarness(
  station = 'DR-HARNESS',
  settings: Record<string, string> = {},
): Promise<ApiHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'spineqc-api-harness-'));
  const config = loadConfig(
    {},
    {
      SPINEQC_DATA_DIR: dir,
      SPINEQC_DATABASE_URL: 'pglite://memory',
      SPINEQC_HTTP_PORT: '0',
      SPINEQC_DICOM_PORT: '0',
      SPINEQC_PATIENT_ID_KEY: 'harness-key-0123456789abcdef',
      ...settings,
    },
  );
  const db = await openDatabase({ url: config.database.url });
  const bus = new InProcessBus({ partitions: 1, logger: silentLogger });
  await bus.connect();
  const decodePool = createDecodePool({ size: 1 });
  const storage = new LocalFileStorage(config.storage.root);
  const api = await startApi({ config, database: db, storage, bus, decodePool, logger: silentLogger });
  const tokens = {} as Record<Role, string>;
  for (const role of ['technologist', 'qa_manager', 'admin'] as const) {
    const account = await db.accounts.create({
      username: `${role.replace('_', '-')}-1`,
      displayName: role,
      role,
      passwordHash: await hashPassword(`${role}-password-long`),
    });
    tokens[role] = await issue(db, 'session', role, { accountId: account.id });
  }
  tokens.ingest = await issue(db, 'api', 'ingest');
  tokens.device = await issue(db, 'device', 'device', { station });
  return {
    api,
    db,
    baseUrl: `http://127.0.0.1:${api.httpPort}`,
    tokens,
    async close() {
      await api.close();
      await bus.close();
      await decodePool.close();
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function issue(
  db: Database,
  kind: 'session' | 'api' | 'device',
  role: Role,
  extra: { accountId?: string; station?: string } = {},
): Promise<string> {
  const minted = mintToken(kind);
  await db.tokens.create({
    kind,
    tokenHash: minted.hash,
    prefix: minted.prefix,
    name: `${role} harness`,
    role,
    ...extra,
  });
  return minted.token;
}
