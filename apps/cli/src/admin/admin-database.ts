import { ConfigError, loadConfig, type EnvSettings } from '@spineqc/config';
import { DatabaseError, openDatabase, type Database } from '@spineqc/database';
import { environment } from '../config/environment.js';
import { UsageError } from '../errors.js';

export interface DatabaseFlags {
  dataDir?: string;
  databaseUrl?: string;
}

/**
 * Opens the database `spineqc serve` (or the distributed API) uses, from the same settings. The embedded database can
 * be opened by one process at a time: stop the server first, or use the API.
 */
export async function openAdminDatabase(flags: DatabaseFlags): Promise<Database> {
  const overrides: Partial<Record<keyof EnvSettings, string>> = {};
  if (flags.dataDir) overrides.SPINEQC_DATA_DIR = flags.dataDir;
  if (flags.databaseUrl) overrides.SPINEQC_DATABASE_URL = flags.databaseUrl;
  let url: string;
  try {
    url = loadConfig(environment(), { ...overrides, SPINEQC_MODE: 'embedded' }).database.url;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  try {
    return await openDatabase({ url });
  } catch (error) {
    if (error instanceof DatabaseError && error.code === 'IN_USE') {
      throw new UsageError(`${error.message} — or manage accounts and tokens in the dashboard (Admin)`);
    }
    throw error;
  }
}

/** Runs `work` with the database open, and closes it whatever happens. */
export async function withAdminDatabase<T>(
  flags: DatabaseFlags,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openAdminDatabase(flags);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
