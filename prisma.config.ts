// Prisma CLI configuration (generate, migrate diff/status/deploy). Prisma 6 with the JS engine and a driver adapter,
// so no native engine is ever downloaded. DATABASE_URL picks the database the CLI talks to, with the same URL forms
// as the application: postgres(ql)://… (PostgreSQL), pglite://<directory> (an embedded store), anything else or
// nothing: an in-memory PGlite, which is all `generate` and `migrate diff` need.
/* eslint-disable no-restricted-properties -- the Prisma CLI's own configuration: DATABASE_URL is its interface. */
import { defineConfig } from 'prisma/config';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const url = process.env['DATABASE_URL'] ?? '';
const isPostgres = /^postgres(ql)?:\/\//.test(url);
// The schema names env("DATABASE_URL"); when that is not a PostgreSQL URL Prisma 6 falls back to fetching a native
// engine, so give it a placeholder: with the JS engine every connection goes through the adapter below anyway.
if (!isPostgres) process.env['DATABASE_URL'] = 'postgresql://unused';

const PG_NAME_OID = 19;
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type Result = { fields?: { dataTypeID: number }[] } | undefined;

function catalogTypesAsText(result: Result): Result {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

/** adapter-pg 6.19 cannot read `name`/`char` columns (prisma/orm#27403), which the schema engine's catalog queries
 * return; they are text on the wire, so report them as text. Only the CLI needs this. */
class CatalogAsTextClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: Result) => last(error, catalogTypesAsText(result));
    }
    const submitted = (super.query as (...a: unknown[]) => unknown)(...args);
    return (submitted instanceof Promise ? submitted.then(catalogTypesAsText) : submitted) as never;
  }
}

type PGliteAdapter = Awaited<ReturnType<PrismaPGlite['connect']>>;

/** The schema engine sends a whole migration script as one parameterless executeRaw; PGlite's adapter runs that as a
 * prepared statement, which PostgreSQL refuses for several commands. Run parameterless SQL as a script instead. */
function scriptsAsExec(adapter: PGliteAdapter, pglite: PGlite): PGliteAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    const results = await pglite.exec(query.sql);
    await pglite.syncToFs();
    return results.reduce((sum, result) => sum + (result.affectedRows ?? 0), 0);
  };
  return adapter;
}

class PGliteForCli extends PrismaPGlite {
  constructor(private readonly pglite: PGlite) {
    super(pglite);
  }

  override async connect(): Promise<PGliteAdapter> {
    return scriptsAsExec(await super.connect(), this.pglite);
  }

  override async connectToShadowDb(): Promise<PGliteAdapter> {
    const shadow = new PGlite();
    return scriptsAsExec(await new PrismaPGlite(shadow).connect(), shadow);
  }
}

type JsEngineConfig = Extract<Parameters<typeof defineConfig>[0], { engine: 'js' }>;
type AdapterFactory = Awaited<ReturnType<JsEngineConfig['adapter']>>;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async (): Promise<AdapterFactory> => {
    if (isPostgres) return new PrismaPg(new pg.Pool({ connectionString: url, Client: CatalogAsTextClient }));
    const directory = url.startsWith('pglite://') ? url.slice('pglite://'.length) : 'memory';
    // Typed against driver-adapter-utils 6.10 (see libs/database/src/pglite-adapter.ts); compatible at run time.
    return new PGliteForCli(
      directory === 'memory' ? new PGlite() : new PGlite(directory),
    ) as unknown as AdapterFactory;
  },
});
