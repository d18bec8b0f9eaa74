import { resolve } from 'node:path';
import { DatabaseError } from './errors.js';

/** Where the data lives: a PostgreSQL server, or PGlite embedded in this process (on disk, or in memory). */
export type DatabaseTarget =
  { kind: 'postgres'; connectionString: string } | { kind: 'pglite'; dataDir: string | null };

const PGLITE_SCHEME = 'pglite://';
const PGLITE_MEMORY = 'memory';

/**
 * `postgres://…` / `postgresql://…`, `pglite://<directory>` (absolute as `pglite:///var/lib/spineqc/db`, or relative
 * to the working directory) or `pglite://memory`.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', connectionString: url };
  if (url.startsWith(PGLITE_SCHEME)) {
    const location = url.slice(PGLITE_SCHEME.length);
    if (location === PGLITE_MEMORY) return { kind: 'pglite', dataDir: null };
    if (location.length === 0) {
      throw new DatabaseError(
        'BAD_URL',
        `"${url}" names no directory: use pglite://<directory> or pglite://memory`,
      );
    }
    return { kind: 'pglite', dataDir: resolve(location) };
  }
  throw new DatabaseError(
    'BAD_URL',
    `unsupported database URL "${redactPassword(url)}": expected postgres://…, postgresql://…, pglite://<directory> or pglite://memory`,
  );
}

/** The URL with any password replaced, for messages and logs. */
export function redactPassword(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}
