import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { provisionAccount } from '@spineqc/api-server';
import type { Database } from '@spineqc/database';
import { generatePassword } from '../admin/password-input.js';

export const INITIAL_PASSWORD_FILE = 'initial-admin-password';

/**
 * A fresh installation has no account, so nobody could sign in: the first start creates `admin` with a random
 * password written to a file only root (or the service user) can read — never to the log. Returns that file's path
 * when it did so.
 */
export async function ensureFirstAdmin(db: Database, dataDir: string): Promise<string | null> {
  if ((await db.accounts.list()).length > 0) return null;
  const password = generatePassword();
  const path = join(dataDir, INITIAL_PASSWORD_FILE);
  await writeFile(path, `${password}\n`, { mode: 0o600 });
  const account = await provisionAccount(db, {
    username: 'admin',
    displayName: 'Administrator',
    role: 'admin',
    password,
  });
  await db.audit.record({
    action: 'account.created',
    actor: 'spineqc serve (first start)',
    target: `account ${account.username}`,
    detail: { role: account.role, passwordFile: path },
  });
  return path;
}
