import type { Database, ExamSummary } from '../src/index.js';
import { criteriaFor, failed, judged, received } from './fixtures.js';

/**
 * A small hand-made history (UTC). Weeks start on Monday 2026-03-02 and 2026-03-09.
 *   e1 03-02 08:00 DR-1 Ann  ap       qualified
 *   e2 03-02 09:00 DR-1 Bob  ap       unqualified (vertebrae-in-field)
 *   e3 03-02 23:30 DR-2 Ann  lateral  unqualified (vertebrae-in-field, l3-double-contour)
 *   e4 03-03 10:00 DR-2 Bob  oblique  not assessable
 *   e5 03-03 11:00 DR-1 Ann  failed
 *   e6 03-03 12:00 DR-1 —    still received, sender asked for ap
 *   e7 03-09 08:00 DR-2 Ann  ap       qualified
 *   e8 03-09 08:00 DR-1 Bob  ap       unqualified (exposure)   — same instant as e7
 */
export type History = Record<'e1' | 'e2' | 'e3' | 'e4' | 'e5' | 'e6' | 'e7' | 'e8', ExamSummary>;

export async function buildHistory(db: Database): Promise<History> {
  const exam = async (station: string, operator: string, at: string, requestedView: 'ap' | null = null) =>
    (await db.exams.recordReceived(received({ station, operator, receivedAt: new Date(at), requestedView })))
      .exam;
  const h: History = {
    e1: await exam('DR-1', 'Ann', '2026-03-02T08:00:00Z'),
    e2: await exam('DR-1', 'Bob', '2026-03-02T09:00:00Z'),
    e3: await exam('DR-2', 'Ann', '2026-03-02T23:30:00Z'),
    e4: await exam('DR-2', 'Bob', '2026-03-03T10:00:00Z'),
    e5: await exam('DR-1', 'Ann', '2026-03-03T11:00:00Z'),
    e6: await exam('DR-1', '', '2026-03-03T12:00:00Z', 'ap'),
    e7: await exam('DR-2', 'Ann', '2026-03-09T08:00:00Z'),
    e8: await exam('DR-1', 'Bob', '2026-03-09T08:00:00Z'),
  };
  await db.exams.recordVerdict(judged(h.e1, { view: 'ap' }));
  await db.exams.recordVerdict(
    judged(h.e2, { view: 'ap', criteria: criteriaFor('ap', ['vertebrae-in-field']) }),
  );
  await db.exams.recordVerdict(
    judged(h.e3, {
      view: 'lateral',
      criteria: criteriaFor('lateral', ['vertebrae-in-field', 'l3-double-contour']),
    }),
  );
  await db.exams.recordVerdict(
    judged(h.e4, {
      view: 'oblique',
      criteria: criteriaFor('oblique', [], false),
      qualified: false,
      notAssessable: true,
      reason: 'no vertebrae found',
    }),
  );
  await db.exams.recordVerdict(failed(h.e5));
  await db.exams.recordVerdict(judged(h.e7, { view: 'ap' }));
  await db.exams.recordVerdict(judged(h.e8, { view: 'ap', criteria: criteriaFor('ap', ['exposure']) }));
  return h;
}
