// Image retention on a hand-made history (see history.ts) and of the bytes of refused inputs, run by the repository
// suite on every database.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/index.js';
import { buildHistory, type History } from './history.js';
import { errorOf, useDatabase } from './suite-helpers.js';

export function describeRetention(open: () => Promise<Database>): void {
  describe('image retention on a hand-made history', () => {
    const db = useDatabase(open);
    let h: History;
    beforeAll(async () => {
      h = await buildHistory(db());
    });

    it('offers the judged and failed exams received before the date, oldest first, never one still waiting', async () => {
      // e1–e6 arrived on 03-02/03-03; e6 is still waiting for its verdict.
      const due = await db().exams.imagesToPurge({
        receivedBefore: new Date('2026-03-04T00:00:00Z'),
        limit: 100,
      });
      const mine = due.filter((d) => Object.values(h).some((e) => e.id === d.examId)).map((d) => d.examId);
      expect(mine).toEqual([h.e1.id, h.e2.id, h.e3.id, h.e4.id, h.e5.id]);
      expect(due.every((d) => d.storageKey.length > 0)).toBe(true);
    });

    it('marks them purged once, keeps the exam and its verdict, and offers them no more', async () => {
      const before = await db().exams.stats({ period: 'week', groupBy: 'station' });
      const now = new Date('2026-04-01T00:00:00Z');
      expect(await db().exams.markImagesPurged([h.e1.id, h.e2.id], now)).toBe(2);
      expect(await db().exams.markImagesPurged([h.e1.id], new Date('2026-05-01T00:00:00Z'))).toBe(0);
      const e1 = await db().exams.getExam(h.e1.id);
      expect(e1?.image?.purgedAt).toEqual(now);
      expect(e1?.verdict?.qualified).toBe(true);
      expect((await db().exams.getExam(h.e3.id))?.image?.purgedAt).toBeNull();
      const due = await db().exams.imagesToPurge({
        receivedBefore: new Date('2026-03-04T00:00:00Z'),
        limit: 100,
      });
      expect(due.map((d) => d.examId)).not.toContain(h.e1.id);
      expect(await db().exams.stats({ period: 'week', groupBy: 'station' })).toEqual(before);
    });

    it('refuses a limit outside 1…1000', async () => {
      const error = await errorOf(db().exams.imagesToPurge({ receivedBefore: new Date(), limit: 0 }));
      expect(error.code).toBe('BAD_QUERY');
    });
  });

  describe('retention of rejected inputs', () => {
    const db = useDatabase(open);
    const ids: Record<'old' | 'older' | 'noBytes' | 'recent', string> = {
      old: '',
      older: '',
      noBytes: '',
      recent: '',
    };
    const refused = (createdAt: string, storageKey: string | null) =>
      db().exams.recordIngestFailure({
        source: 'upload',
        errorCode: 'NOT_AN_IMAGE',
        message: 'neither DICOM, PNG nor JPEG',
        storageKey,
        sizeBytes: 12,
        createdAt: new Date(createdAt),
      });

    beforeAll(async () => {
      ids.old = (await refused('2026-03-02T10:00:00Z', 'rejected/2026/03/02/old.bin')).id;
      ids.older = (await refused('2026-03-01T10:00:00Z', 'rejected/2026/03/01/older.bin')).id;
      ids.noBytes = (await refused('2026-03-01T09:00:00Z', null)).id;
      ids.recent = (await refused('2026-03-20T10:00:00Z', 'rejected/2026/03/20/recent.bin')).id;
    });

    const cutoff = new Date('2026-03-10T00:00:00Z');

    it('offers the kept bytes of inputs refused before the date, oldest first', async () => {
      expect(await db().exams.rejectedToPurge({ createdBefore: cutoff, limit: 100 })).toEqual([
        { failureId: ids.older, storageKey: 'rejected/2026/03/01/older.bin' },
        { failureId: ids.old, storageKey: 'rejected/2026/03/02/old.bin' },
      ]);
      expect(await db().exams.rejectedToPurge({ createdBefore: cutoff, limit: 1 })).toHaveLength(1);
    });

    it('marks them purged once and keeps every failure record, which then shows it', async () => {
      const now = new Date('2026-04-01T00:00:00Z');
      expect(await db().exams.markRejectedPurged([ids.older, ids.old], now)).toBe(2);
      expect(await db().exams.markRejectedPurged([ids.old], new Date('2026-05-01T00:00:00Z'))).toBe(0);
      expect(await db().exams.markRejectedPurged([], now)).toBe(0);
      expect(await db().exams.rejectedToPurge({ createdBefore: cutoff, limit: 100 })).toEqual([]);
      const listed = await db().exams.ingestFailures({ limit: 10 });
      expect(listed.map((failure) => [failure.id, failure.purgedAt])).toEqual([
        [ids.recent, null],
        [ids.old, now],
        [ids.older, now],
        [ids.noBytes, null],
      ]);
      expect(listed.find((failure) => failure.id === ids.old)).toMatchObject({
        storageKey: 'rejected/2026/03/02/old.bin',
        createdAt: new Date('2026-03-02T10:00:00Z'),
        errorCode: 'NOT_AN_IMAGE',
      });
    });

    it('refuses a limit outside 1…1000', async () => {
      const error = await errorOf(db().exams.rejectedToPurge({ createdBefore: new Date(), limit: 1001 }));
      expect(error.code).toBe('BAD_QUERY');
    });
  });
}
