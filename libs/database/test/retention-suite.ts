// Image retention on a hand-made history (see history.ts), run by the repository suite on every database.
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
}
