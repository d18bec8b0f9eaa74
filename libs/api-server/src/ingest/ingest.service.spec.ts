import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessBus } from '@spineqc/bus';
import { loadConfig } from '@spineqc/config';
import { TOPICS, imageReceivedSchema, type ImageReceived } from '@spineqc/contracts';
import { openDatabase, type Database } from '@spineqc/database';
import { decodeRadiographAsync } from '@spineqc/imaging';
import { silentLogger } from '@spineqc/logging';
import { LocalFileStorage } from '@spineqc/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error.js';
import { LiveHub } from '../live/live-hub.js';
import { Metrics } from '../metrics/metrics.js';
import { IngestService } from './ingest.service.js';
import { RedeliveryService } from './redelivery.service.js';
import { dxFilm } from './testing/dx-film.js';

const config = loadConfig({ SPINEQC_PATIENT_ID_KEY: 'test-key-0123456789abcdef' });

const film = (sopInstanceUid?: string) => dxFilm(64, 96, sopInstanceUid);

// Ingest with its real adapters: PGlite, local files, the in-process bus, the real decoder.
describe('IngestService', () => {
  let dir: string;
  let db: Database;
  let storage: LocalFileStorage;
  let bus: InProcessBus;
  let ingest: IngestService;
  const published: ImageReceived[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-ingest-'));
    db = await openDatabase({ url: 'pglite://memory' });
    storage = new LocalFileStorage(dir);
    bus = new InProcessBus({ partitions: 2 });
    published.length = 0;
    const pool = { decode: decodeRadiographAsync, close: async () => undefined };
    ingest = new IngestService(config, db, storage, bus, pool, silentLogger, new LiveHub(), new Metrics());
  });

  afterEach(async () => {
    await bus.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function listen() {
    await bus.subscribe({
      topic: TOPICS.imageReceived,
      group: 'test',
      handler: async (m) => void published.push(imageReceivedSchema.parse(JSON.parse(m.value))),
    });
  }

  async function eventually(check: () => boolean) {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(check()).toBe(true);
  }

  it('stores the original, records the exam and publishes it keyed by station; a re-send does nothing', async () => {
    await bus.connect();
    await listen();
    const bytes = film();
    const first = await ingest.ingest({ bytes, source: 'c-store' });
    expect(first.duplicate).toBe(false);
    await eventually(() => published.length === 1);
    expect(published[0]).toMatchObject({ examId: first.examId, station: 'DR-ROOM-1', operator: 'Chen^Wei' });
    expect(await storage.get(published[0].storageKey)).toEqual(bytes);
    const exam = await db.exams.getExam(first.examId);
    expect(exam).toMatchObject({ status: 'received', station: 'DR-ROOM-1', technologist: 'Chen^Wei' });
    expect(JSON.stringify(exam)).not.toMatch(/PAT-7731|Doe\^Jane/);

    const again = await ingest.ingest({ bytes, source: 'stow-rs' });
    expect(again).toMatchObject({ examId: first.examId, duplicate: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(published).toHaveLength(1);
  });

  it('answers the sender even when the bus refuses, and publishes once the bus is back', async () => {
    const result = await ingest.ingest({ bytes: film(), source: 'c-store' }); // bus not connected yet
    expect(ingest.unpublished.has(result.examId)).toBe(true);
    await bus.connect();
    await listen();
    const redelivery = new RedeliveryService(config, db, bus, silentLogger, ingest);
    await redelivery.retryRefused();
    await eventually(() => published.some((m) => m.examId === result.examId));
    expect(ingest.unpublished.size).toBe(0);
  });

  it('refuses what is not DICOM, keeps the bytes and records why', async () => {
    await bus.connect();
    const junk = new TextEncoder().encode('not a dataset, just text that arrived on port 11112');
    await expect(
      ingest.ingest({ bytes: junk, source: 'c-store', callingAeTitle: 'DR1' }),
    ).rejects.toMatchObject({
      code: 'NOT_DICOM',
    } satisfies Partial<ApiError>);
    const [failure] = await db.exams.ingestFailures({ limit: 5 });
    expect(failure).toMatchObject({ source: 'c-store', errorCode: 'NOT_DICOM', callingAeTitle: 'DR1' });
    expect(await storage.get(failure.storageKey!)).toEqual(junk);
  });

  it('refuses a DICOM file whose pixel data is cut short', async () => {
    await bus.connect();
    const bytes = film();
    await expect(
      ingest.ingest({ bytes: bytes.subarray(0, bytes.length - 500), source: 'stow-rs' }),
    ).rejects.toBeInstanceOf(ApiError);
    const [failure] = await db.exams.ingestFailures({ limit: 5 });
    expect(['TRUNCATED', 'MALFORMED_DICOM', 'CORRUPT_PIXEL_DATA']).toContain(failure.errorCode);
  });
});
