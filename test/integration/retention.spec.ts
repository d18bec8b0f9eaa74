import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase } from '@spineqc/database';
import { silentLogger } from '@spineqc/logging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server.js';
import { getJson, waitForJson } from './support/http.js';
import { seedHistory, type SeededHistory } from './support/history.js';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

// Retention: originals and rejected inputs' bytes older than SPINEQC_RETENTION_DAYS are deleted; the history, its
// statistics and the ingest-failure records stay.
describe('image retention', () => {
  let dir: string;
  let dataDir: string;
  let server: EmbeddedServer;
  let baseUrl: string;
  let history: SeededHistory;
  let images: { examId: string; path: string; receivedAt: Date }[];
  let rejected: { failureId: string; path: string; old: boolean }[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-retention-'));
    dataDir = join(dir, 'data');
    await mkdir(dataDir, { recursive: true });
    history = await seedHistory(dataDir, 21);
    // The seeded exams' originals, as files where the server keeps originals.
    const db = await openDatabase({ url: `pglite://${dataDir}/db`, logger: silentLogger });
    const page = await db.exams.listExams({ limit: 500 });
    // Two refused uploads whose bytes were kept, one refused 10 days ago and one 2 days ago.
    rejected = [];
    for (const days of [10, 2]) {
      const storageKey = `rejected/seeded/${days}-days-ago.bin`;
      const path = join(dataDir, 'originals', storageKey);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, 'neither DICOM, PNG nor JPEG');
      const { id } = await db.exams.recordIngestFailure({
        source: 'upload',
        errorCode: 'NOT_AN_IMAGE',
        message: 'not an image',
        storageKey,
        sizeBytes: 27,
        createdAt: new Date(Date.now() - days * 86_400_000),
      });
      rejected.push({ failureId: id, path, old: days > 7 });
    }
    await db.close();
    images = [];
    for (const exam of page.items) {
      const path = join(dataDir, 'originals', `seeded/${exam.sopInstanceUid}.dcm`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, 'not really DICOM');
      images.push({ examId: exam.id, path, receivedAt: new Date(exam.receivedAt) });
    }
    server = await startEmbeddedServer(dataDir, [], {
      env: { SPINEQC_RETENTION_DAYS: '7' },
    });
    baseUrl = server.baseUrl;
  });

  afterAll(async () => {
    await server?.process.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('deletes the originals older than the retention period and keeps every exam, verdict and statistic', async () => {
    const cutoff = Date.now() - 7 * 86_400_000;
    const old = images.filter((image) => image.receivedAt.getTime() < cutoff - 60_000);
    const recent = images.filter((image) => image.receivedAt.getTime() > cutoff + 60_000);
    expect(old.length).toBeGreaterThan(0);
    expect(recent.length).toBeGreaterThan(0);
    await server.process.waitFor(/retention deleted images/);

    for (const image of old) expect(await exists(image.path), image.path).toBe(false);
    for (const image of recent) expect(await exists(image.path), image.path).toBe(true);
    const purged = (await getJson(`${baseUrl}/api/exams/${old[0].examId}`, server.token)).body;
    expect(purged.image.purgedAt).toBeTruthy();
    expect(purged.verdict).toBeTruthy();
    const gone = await getJson(`${baseUrl}/api/exams/${old[0].examId}/original`, server.token);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toMatch(/not stored/);
    expect(
      (await getJson(`${baseUrl}/api/exams/${recent[0].examId}`, server.token)).body.image.purgedAt,
    ).toBeNull();

    const stats = await waitForJson(
      `${baseUrl}/api/stats?groupBy=station&from=${history.from.toISOString()}`,
      () => true,
      undefined,
      server.token,
    );
    const total = stats.rows.reduce((n: number, row: any) => n + row.total, 0);
    expect(total).toBe(history.exams);
  });

  it('deletes the kept bytes of inputs refused before the period and keeps their failure records', async () => {
    await server.process.waitFor(/retention deleted rejected inputs/);
    const failures = (await getJson(`${baseUrl}/api/ingest-failures?limit=500`, server.token)).body.items;
    for (const { failureId, path, old } of rejected) {
      expect(await exists(path), path).toBe(!old);
      const failure = failures.find((f: any) => f.id === failureId);
      expect(failure, failureId).toBeTruthy();
      expect(failure.errorCode).toBe('NOT_AN_IMAGE');
      if (old) expect(Date.parse(failure.purgedAt)).not.toBeNaN();
      else expect(failure.purgedAt).toBeNull();
    }
  });
});
