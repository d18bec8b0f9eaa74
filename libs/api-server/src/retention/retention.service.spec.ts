import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@spineqc/config';
import type { JudgedVerdict } from '@spineqc/contracts';
import { openDatabase, type Database } from '@spineqc/database';
import { silentLogger } from '@spineqc/logging';
import { LocalFileStorage } from '@spineqc/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RetentionService } from './retention.service.js';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

// Retention with its real adapters: PGlite and files on disk, swept at a fixed "now".
describe('RetentionService', () => {
  let dir: string;
  let db: Database;
  let storage: LocalFileStorage;
  let retention: RetentionService;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-retention-'));
    db = await openDatabase({ url: 'pglite://memory' });
    storage = new LocalFileStorage(dir);
    retention = new RetentionService(db, storage, loadConfig({ SPINEQC_RETENTION_DAYS: '7' }), silentLogger);
  });

  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** An input refused `days` ago whose bytes were kept (or not) under `rejected/`. */
  async function refused(days: number, keepBytes = true) {
    const storageKey = keepBytes ? `rejected/${days}/${days}-days.bin` : null;
    if (storageKey) await storage.put(storageKey, new TextEncoder().encode('not an image'));
    const { id } = await db.exams.recordIngestFailure({
      source: 'upload',
      errorCode: 'NOT_AN_IMAGE',
      message: 'neither DICOM, PNG nor JPEG',
      storageKey,
      sizeBytes: 12,
      createdAt: daysAgo(days),
    });
    return { id, storageKey };
  }

  async function judgedExam(days: number) {
    const receivedAt = daysAgo(days);
    const sopInstanceUid = `2.25.${days}${receivedAt.getTime()}`;
    const storageKey = `originals/${sopInstanceUid}.dcm`;
    await storage.put(storageKey, new Uint8Array([1, 2, 3]));
    const { exam } = await db.exams.recordReceived({
      sopInstanceUid,
      station: 'DR-1',
      operator: 'Larsen',
      source: 'stow-rs',
      requestedView: null,
      receivedAt,
      image: { storageKey, format: 'dicom', sizeBytes: 3, sha256: '0'.repeat(64) },
    });
    const verdict: JudgedVerdict = {
      examId: exam.id,
      sopInstanceUid,
      station: 'DR-1',
      operator: 'Larsen',
      receivedAt: receivedAt.toISOString(),
      judgedAt: receivedAt.toISOString(),
      worker: 'spec',
      attempts: 1,
      status: 'judged',
      view: 'ap',
      viewSource: 'dicom',
      qualified: true,
      notAssessable: false,
      reason: null,
      confidence: 0.9,
      criteria: [],
      vertebrae: [],
      pixelSpacingMm: [0.15, 0.15],
      pixelSpacingSource: 'dicom:PixelSpacing',
      modelVersion: 'spec-model',
      rulesVersion: 'spec-rules',
      timingsMs: {},
    };
    await db.exams.recordVerdict(verdict);
    return { id: exam.id, storageKey };
  }

  it('deletes rejected bytes older than the period and keeps every failure record, marked', async () => {
    const old = await refused(30);
    const recent = await refused(2);
    const noBytes = await refused(40, false);

    expect(await retention.sweep(NOW)).toEqual({ exams: 0, rejected: 1 });

    expect(await storage.exists(old.storageKey!)).toBe(false);
    expect(await storage.exists(recent.storageKey!)).toBe(true);
    const failures = new Map((await db.exams.ingestFailures()).map((f) => [f.id, f]));
    expect(failures.size).toBe(3);
    expect(failures.get(old.id)).toMatchObject({ purgedAt: NOW, storageKey: old.storageKey });
    expect(failures.get(recent.id)?.purgedAt).toBeNull();
    expect(failures.get(noBytes.id)?.purgedAt).toBeNull();
  });

  it('deletes exams’ originals and rejected bytes in one sweep, and a second sweep finds nothing', async () => {
    const exam = await judgedExam(10);
    const kept = await judgedExam(1);
    const old = await refused(8);

    expect(await retention.sweep(NOW)).toEqual({ exams: 1, rejected: 1 });
    expect(await storage.exists(exam.storageKey)).toBe(false);
    expect(await storage.exists(kept.storageKey)).toBe(true);
    expect(await storage.exists(old.storageKey!)).toBe(false);

    const later = new Date(NOW.getTime() + DAY_MS);
    expect(await retention.sweep(later)).toEqual({ exams: 0, rejected: 0 });
    const failure = (await db.exams.ingestFailures()).find((f) => f.id === old.id);
    expect(failure?.purgedAt).toEqual(NOW);
  });

  it('marks a record whose bytes are already gone (a sweep that stopped between file and mark)', async () => {
    const old = await refused(9);
    await storage.delete(old.storageKey!);
    expect(await retention.sweep(NOW)).toEqual({ exams: 0, rejected: 1 });
    expect((await db.exams.ingestFailures())[0]?.purgedAt).toEqual(NOW);
  });

  it('deletes nothing without a retention period', async () => {
    const keepAll = new RetentionService(db, storage, loadConfig({}), silentLogger);
    const old = await refused(400);
    expect(await keepAll.sweep(NOW)).toEqual({ exams: 0, rejected: 0 });
    expect(await storage.exists(old.storageKey!)).toBe(true);
  });
});
