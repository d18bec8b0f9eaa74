import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';
import { BenchPipelineError } from './bench-pipeline-error.js';

const PROBE_TIMEOUT_MS = 3000;

/** Fails with how to start Kafka unless every broker accepts a TCP connection. */
export async function requireKafka(brokers: string[]): Promise<void> {
  for (const broker of brokers) {
    const [host, port] = [broker.slice(0, broker.lastIndexOf(':')), Number(broker.split(':').pop())];
    const error = await tcpProbe(host, port);
    if (error)
      throw new BenchPipelineError(
        'SERVICE_MISSING',
        `Kafka is not reachable at ${broker} (${error}). Start a broker with \`tools/kafka.sh start\` or name one with --kafka host:port.`,
      );
  }
}

function tcpProbe(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: PROBE_TIMEOUT_MS });
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timed out');
    });
    socket.once('error', (e) => resolve(e.message));
  });
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** Fails with how to start PostgreSQL unless the admin URL connects. */
export async function requirePostgres(adminUrl: string): Promise<void> {
  await withAdmin(adminUrl, (c) => c.query('SELECT 1'));
}

/** A database created for this run through an admin URL (a role with CREATEDB); `drop` removes it. */
export async function createFreshDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `spineqc_bench_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdmin(adminUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    throw new BenchPipelineError(
      'SERVICE_MISSING',
      `PostgreSQL is not reachable at ${redactUrl(adminUrl)} (${(error as Error).message}). Start it with \`tools/postgres.sh\` (it prints the admin URL) and pass that URL as --postgres.`,
      { cause: error },
    );
  }
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
