import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Prisma } from './generated/prisma/client.js';

type AdapterFactory = NonNullable<Prisma.PrismaClientOptions['adapter']>;

/**
 * pglite-prisma-adapter 0.6.1 is typed against @prisma/driver-adapter-utils 6.10, whose query type names argument
 * types differently from 6.19's; the adapter never reads them (PGlite infers parameter types from the SQL), so the
 * two are interchangeable at run time, which this package's tests exercise on every query shape it uses.
 */
export function pgliteAdapter(pglite: PGlite): AdapterFactory {
  return new PrismaPGlite(pglite) as unknown as AdapterFactory;
}
