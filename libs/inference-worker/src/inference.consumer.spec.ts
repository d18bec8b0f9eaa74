import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplicationContext } from '@nestjs/common';
import { InProcessBus, type IncomingMessage } from '@spineqc/bus';
import { loadConfig } from '@spineqc/config';
import {
  renderKeys,
  TOPICS,
  type DeadLetter,
  type ImageReceived,
  type VerdictMessage,
} from '@spineqc/contracts';
import { decodeRadiographAsync, readDicom } from '@spineqc/imaging';
import { silentLogger } from '@spineqc/logging';
import { LocalFileStorage } from '@spineqc/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInferenceWorker } from './start-worker.js';
import { workerDependencies } from './worker-dependencies.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// The worker as the embedded server runs it: in-process bus, local files, the real model.
describe('inference worker', () => {
  let dir: string;
  let bus: InProcessBus;
  let storage: LocalFileStorage;
  let worker: INestApplicationContext;
  const verdicts: VerdictMessage[] = [];
  const deadLetters: DeadLetter[] = [];
  let film: { bytes: Uint8Array; sopInstanceUid: string; station: string };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-worker-'));
    const cli = join(REPO_ROOT, 'apps', 'cli', 'bin', 'spineqc.mjs');
    const args = [
      'phantom',
      '--out',
      dir,
      '--count',
      '1',
      '--seed',
      '31',
      '--view',
      'ap',
      '--format',
      'dicom',
    ];
    const run = spawnSync(process.execPath, [cli, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`phantom failed: ${run.stderr}`);
    const file = (await readdir(dir)).find((n) => n.endsWith('.dcm'))!;
    const bytes = await readFile(join(dir, file));
    const dicom = readDicom(bytes);
    film = { bytes, sopInstanceUid: dicom.sopInstanceUid, station: dicom.stationName };

    storage = new LocalFileStorage(join(dir, 'storage'));
    bus = new InProcessBus({ partitions: 2 });
    await bus.connect();
    const collect =
      <T>(into: T[]) =>
      async (m: IncomingMessage) => {
        into.push(JSON.parse(m.value) as T);
      };
    await bus.subscribe({ topic: TOPICS.verdict, group: 'test', handler: collect(verdicts) });
    await bus.subscribe({ topic: TOPICS.deadLetter, group: 'test', handler: collect(deadLetters) });
    const config = loadConfig({
      SPINEQC_INFERENCE_MAX_ATTEMPTS: '2',
      SPINEQC_INFERENCE_RETRY_BACKOFF_MS: '10',
    });
    worker = await startInferenceWorker(
      workerDependencies(config, { bus, storage, decode: decodeRadiographAsync, logger: silentLogger }),
    );
  });

  afterAll(async () => {
    await worker?.close();
    await bus?.close();
    await rm(dir, { recursive: true, force: true });
  });

  function received(storageKey: string, overrides: Partial<ImageReceived> = {}): ImageReceived {
    return {
      examId: randomUUID(),
      sopInstanceUid: film.sopInstanceUid,
      storageKey,
      format: 'dicom',
      station: film.station,
      operator: 'Chen^Wei',
      requestedView: null,
      pixelSpacingMm: null,
      source: 'c-store',
      receivedAt: new Date().toISOString(),
      ...overrides,
    };
  }

  async function until<T>(find: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
    for (let i = 0; i < 600; i++) {
      const found = await find();
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('judges a stored film, publishes the verdict keyed by station and keeps the segmentation', async () => {
    await storage.put('originals/film.dcm', film.bytes);
    const message = received('originals/film.dcm');
    await bus.publish(TOPICS.imageReceived, [{ key: film.station, value: message }]);
    const verdict = await until(() => verdicts.find((v) => v.examId === message.examId), 'the verdict');
    expect(verdict).toMatchObject({ status: 'judged', view: 'ap', station: film.station, attempts: 1 });
    if (verdict.status !== 'judged') throw new Error('unreachable');
    expect(verdict.modelVersion).toBe('spineqc-seg@1.0.0');
    expect(verdict.criteria.map((c) => c.id)).toContain('vertebrae-in-field');
    // The segmentation follows the verdict (the API draws the overlay from it on request).
    await until(() => storage.exists(renderKeys(message.examId).masks), 'the stored segmentation');
  });

  it('fails an unreadable image at once (the same bytes fail the same way) and reports its exam failed', async () => {
    await storage.put('originals/broken.dcm', film.bytes.subarray(0, 2000));
    const message = received('originals/broken.dcm');
    await bus.publish(TOPICS.imageReceived, [{ key: film.station, value: message }]);
    const failed = await until(() => verdicts.find((v) => v.examId === message.examId), 'the failed verdict');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    const letter = deadLetters.find((d) => (d.payload as ImageReceived).examId === message.examId);
    expect(letter).toMatchObject({ topic: TOPICS.imageReceived, attempts: 1 });
    expect(letter!.reason.length).toBeGreaterThan(0);
  });

  it('retries what may pass (the original not readable yet) up to the bound, then dead-letters it', async () => {
    const message = received('originals/not-there-yet.dcm');
    await bus.publish(TOPICS.imageReceived, [{ key: film.station, value: message }]);
    const failed = await until(() => verdicts.find((v) => v.examId === message.examId), 'the failed verdict');
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    const letter = deadLetters.find((d) => (d.payload as ImageReceived).examId === message.examId);
    expect(letter).toMatchObject({ topic: TOPICS.imageReceived, attempts: 2 });
  });

  it('dead-letters a message that is not a valid qc.image.received, and keeps working', async () => {
    await bus.publish(TOPICS.imageReceived, [{ key: 'x', value: { hello: 'world' } }]);
    const letter = await until(
      () => deadLetters.find((d) => (d.payload as { hello?: string }).hello === 'world'),
      'the dead letter',
    );
    expect(letter.errorCode).toBe('INVALID_MESSAGE');
    const again = received('originals/film.dcm', { sopInstanceUid: '1.2.3.4' });
    await bus.publish(TOPICS.imageReceived, [{ key: film.station, value: again }]);
    await until(
      () => verdicts.find((v) => v.examId === again.examId && v.status === 'judged'),
      'a later verdict',
    );
  });
});
