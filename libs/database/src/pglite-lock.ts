import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { DatabaseError } from './errors.js';

/**
 * PGlite does not notice a second process opening its directory, and two writers corrupt it; a second
 * `spineqc serve` on the same data must therefore be refused. The lock file sits beside the directory because
 * PGlite will not create its database in a directory that already holds a file.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = `${dataDir}.lock`;
  if (heldHere.has(path)) {
    throw new DatabaseError('IN_USE', `the embedded database ${dataDir} is already open in this process`);
  }
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(JSON.stringify({ pid: process.pid, host: hostname() }));
      await file.close();
      heldHere.add(path);
      return async () => {
        heldHere.delete(path);
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder && holderIsAlive(holder)) {
      throw new DatabaseError(
        'IN_USE',
        `the embedded database ${dataDir} is open in process ${holder.pid} on ${holder.host}; ` +
          `stop it first (or delete ${path} if that process is gone)`,
      );
    }
    await unlink(path).catch(() => undefined);
  }
  throw new DatabaseError('IN_USE', `cannot take the lock ${path} on the embedded database`);
}

/** Locks this process holds: a lock file naming our own pid but not in here was left by an earlier process that
 * happened to have the same pid (usual after a container restart). */
const heldHere = new Set<string>();

interface Holder {
  pid: number;
  host: string;
}

async function readHolder(path: string): Promise<Holder | null> {
  try {
    const holder = JSON.parse(await readFile(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string'
      ? { pid: holder.pid, host: holder.host }
      : null;
  } catch {
    return null;
  }
}

/** A holder on another host cannot be checked, so it counts as alive. */
function holderIsAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
