import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseError, describeError } from '../errors.js';

export interface MigrationFile {
  /** The folder name, `<timestamp>_<name>`, as Prisma records it in `_prisma_migrations.migration_name`. */
  name: string;
  sql: string;
  /** sha256 of the file's bytes in lower-case hex: what Prisma stores as the checksum. */
  checksum: string;
}

/** The migrations under `dir` in the order Prisma applies them (folder names sort by their timestamp prefix). */
export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new DatabaseError(
      'MIGRATIONS_NOT_FOUND',
      `cannot read the migrations folder ${dir} (${describeError(error)}); it ships as prisma/migrations in the repository`,
      { cause: error },
    );
  }
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) {
    throw new DatabaseError('MIGRATIONS_NOT_FOUND', `no migrations in ${dir}`);
  }
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(dir, name, 'migration.sql')).catch((error: unknown) => {
        throw new DatabaseError('MIGRATIONS_NOT_FOUND', `migration ${name} has no readable migration.sql`, {
          cause: error,
        });
      });
      return {
        name,
        sql: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      };
    }),
  );
}
