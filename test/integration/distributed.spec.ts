import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFilms, type Film } from './support/films.js';
import { bearer, getJson, stow, waitForJson } from './support/http.js';
import { createToken } from './support/admin.js';
import { connectTablet } from './support/live-client.js';
import { REPO, spawnNode, type Spawned } from './support/processes.js';
import { freshDatabase, requiredEnv } from './support/services.js';

// Distributed mode with real components: Apache Kafka (KRaft), PostgreSQL, the API and two inference
// workers in one consumer group. One worker is killed (SIGKILL) mid-stream.
describe('distributed pipeline', () => {
  let dir: string;
  let db: { url: string; drop(): Promise<void> };
  let env: Record<string, string>;
  let api: Spawned;
  const workers: Spawned[] = [];
  let baseUrl: string;
  let token: string;
  let ingestToken: string;
  let films: Film[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-distributed-'));
    db = await freshDatabase(requiredEnv('SPINEQC_TEST_POSTGRES_URL'));
    env = {
      SPINEQC_MODE: 'distributed',
      SPINEQC_KAFKA_BROKERS: requiredEnv('SPINEQC_TEST_KAFKA_BROKERS'),
      SPINEQC_BUS_NAMESPACE: `e2e-${randomBytes(4).toString('hex')}`,
      SPINEQC_DATABASE_URL: db.url,
      SPINEQC_PATIENT_ID_KEY: randomBytes(24).toString('hex'),
      SPINEQC_STORAGE_DIR: join(dir, 'storage'),
      SPINEQC_HTTP_PORT: '0',
      SPINEQC_DICOM_PORT: '0',
      SPINEQC_WORKER_HTTP_PORT: '0',
      SPINEQC_INFERENCE_RETRY_BACKOFF_MS: '200',
    };
    films = await makeFilms(join(dir, 'films'), 12, 9090);
    // Tokens are made in the database before the API starts, as an operator would.
    token = await createToken(['--database-url', db.url], 'admin', 'distributed test');
    ingestToken = await createToken(['--database-url', db.url], 'ingest', 'distributed test sender');
    api = spawnNode([join(REPO, 'apps/api/dist/main.js')], env);
    const [, port] = await api.waitFor(/"httpPort":(\d+)/);
    baseUrl = `http://localhost:${port}`;
    for (let i = 0; i < 2; i++) {
      const worker = spawnNode([join(REPO, 'apps/inference/dist/main.js')], env);
      workers.push(worker);
      await worker.waitFor(/inference worker ready/);
    }
  });

  afterAll(async () => {
    await Promise.all([api, ...workers].filter(Boolean).map((p) => p.stop()));
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('judges every image exactly once while a worker is killed mid-stream', async () => {
    const stations = [...new Set(films.map((f) => f.station))];
    const tablets = await Promise.all(stations.map((s) => connectTablet(baseUrl, s, token)));
    for (const film of films) {
      const response = await stow(baseUrl, [{ bytes: await readFile(film.path) }], undefined, ingestToken);
      expect(response.status).toBe(200);
    }
    // Crash the first worker to get busy: no graceful leave, nothing more committed. Its partitions
    // (and their uncommitted images) must move to the other member.
    const busy = /"message":"image judged"[^\n]*"worker":"[^"]*:(\d+)"/;
    const victim = await Promise.race(workers.map(async (w) => (await w.waitFor(busy), w)));
    const victimPid = String(victim.child.pid);
    await victim.stop('SIGKILL');
    const judged = await waitForJson(
      `${baseUrl}/api/exams?status=judged&limit=100`, // items and total are two queries: a verdict landing between them must not end the wait early.
      (b) => b.total === films.length && b.items.length === films.length,
      180_000,
      token,
    );
    expect(judged.items.map((e: any) => e.sopInstanceUid).sort()).toEqual(
      films.map((f) => f.sopInstanceUid).sort(),
    );
    const all = await getJson(`${baseUrl}/api/exams?limit=100`, token);
    expect(all.body.total).toBe(films.length); // nothing duplicated, nothing failed
    for (const film of films) {
      const tablet = tablets[stations.indexOf(film.station)];
      await tablet.verdictFor(film.sopInstanceUid, 30_000);
      expect(tablet.verdicts.filter((v) => v.sopInstanceUid === film.sopInstanceUid)).toHaveLength(1);
    }
    for (const t of tablets) t.close();
    const judgedBy = await Promise.all(
      judged.items.map(
        async (e: any) =>
          (await getJson(`${baseUrl}/api/exams/${e.id}`, token)).body.verdict.worker as string,
      ),
    );
    expect(judgedBy.some((w) => w.endsWith(`:${victimPid}`))).toBe(true);
    expect(judgedBy.some((w) => !w.endsWith(`:${victimPid}`))).toBe(true);
    const metrics = await (await fetch(`${baseUrl}/metrics`, { headers: bearer(token) })).text();
    const recorded = [...metrics.matchAll(/spineqc_verdicts_total\{outcome="[a-z_]+"\} (\d+)/g)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    expect(recorded).toBe(films.length);
  });
});
