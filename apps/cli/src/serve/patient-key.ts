import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The embedded server's key for hashing PatientIDs: made once, kept in the data folder (mode 0600)
 * so hashes stay comparable across restarts. A configured key wins.
 */
export async function patientIdKey(dataDir: string, configured: string | null): Promise<string> {
  if (configured) return configured;
  const path = join(dataDir, 'patient-id.key');
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32).toString('hex');
  await writeFile(path, key + '\n', { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return (await readFile(path, 'utf8')).trim();
}
