import { fileURLToPath } from 'node:url';

/**
 * The repository's prisma/migrations. This file is libs/database/src/migrations/… in source and
 * libs/database/dist/migrations/… once built: the same depth, so one relative path serves both.
 */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(
  new URL('../../../../prisma/migrations', import.meta.url),
);
