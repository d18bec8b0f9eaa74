// The feedback repository's behaviour on a hand-made history (see history.ts), run by the repository suite on every
// database the product supports.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgreementRow, Database, FeedbackInput, FeedbackRecord } from '../src/index.js';
import { buildHistory, type History } from './history.js';
import { errorOf, useDatabase } from './suite-helpers.js';

const UNKNOWN_EXAM = '00000000-0000-4000-8000-000000000000';

function row(key: string, agree: number, disagree: number): AgreementRow {
  const feedback = agree + disagree;
  return { key, feedback, agree, disagree, agreementRate: feedback === 0 ? null : agree / feedback };
}

export function describeFeedback(open: () => Promise<Database>): void {
  describe('reviewer feedback on a hand-made history', () => {
    const db = useDatabase(open);
    let h: History;
    const given: Record<string, FeedbackRecord> = {};
    const add = (input: FeedbackInput) => db().feedback.add(input);

    // e1 qualified: agree, then a disagreement naming exposure (its latest: disputed).
    // e2 failed vertebrae-in-field: a disagreement naming that same criterion, then agreement (not disputed).
    // e3 failed vertebrae-in-field and l3-double-contour: agreement.
    // e4 not assessable: a disagreement naming nothing (disputed, counted under no criterion).
    // e7 qualified: agreement that names a criterion (an agreement disputes nothing: counted under '' only).
    // e8 failed exposure: a disagreement naming l3-double-contour, which it passed (disputed).
    beforeAll(async () => {
      h = await buildHistory(db());
      given.e1agree = await add({ examId: h.e1.id, agree: true, author: 'Ward Nurse', source: 'tablet' });
      given.e1disagree = await add({
        examId: h.e1.id,
        agree: false,
        author: '  Dr. Okafor ',
        criterion: 'exposure',
        reason: 'too dark to read L5',
      });
      given.e2disagree = await add({
        examId: h.e2.id,
        agree: false,
        author: 'Ann',
        criterion: 'vertebrae-in-field',
      });
      given.e2agree = await add({ examId: h.e2.id, agree: true, author: 'Dr. Okafor', reason: '   ' });
      given.e3agree = await add({ examId: h.e3.id, agree: true, author: 'Ann', source: 'tablet' });
      given.e4disagree = await add({
        examId: h.e4.id,
        agree: false,
        author: 'Bob',
        reason: 'vertebrae are visible',
      });
      given.e7agree = await add({ examId: h.e7.id, agree: true, author: 'Ann', criterion: 'scottie-dog' });
      given.e8disagree = await add({
        examId: h.e8.id,
        agree: false,
        author: 'Bob',
        criterion: 'l3-double-contour',
      });
    });

    it('stores who said what, trimmed, from which screen', async () => {
      expect(given.e1disagree).toEqual({
        id: expect.any(String),
        examId: h.e1.id,
        agree: false,
        criterion: 'exposure',
        reason: 'too dark to read L5',
        author: 'Dr. Okafor',
        source: 'review',
        recordedBy: null,
        createdAt: expect.any(Date),
      });
      expect(given.e1agree).toMatchObject({ source: 'tablet', criterion: null, reason: null });
      expect(given.e2agree.reason).toBeNull();
    });

    it("lists an exam's feedback newest first", async () => {
      expect(await db().feedback.listForExam(h.e1.id)).toEqual([given.e1disagree, given.e1agree]);
      expect(await db().feedback.listForExam(h.e2.id)).toEqual([given.e2agree, given.e2disagree]);
      expect(await db().feedback.listForExam(h.e5.id)).toEqual([]);
      expect(await db().feedback.listForExam(UNKNOWN_EXAM)).toEqual([]);
      expect(await db().feedback.listForExam('not-a-uuid')).toEqual([]);
    });

    it('refuses an unknown exam and bad input, naming the field', async () => {
      const base = { agree: false, author: 'Ann' };
      expect((await errorOf(add({ ...base, examId: UNKNOWN_EXAM }))).code).toBe('EXAM_NOT_FOUND');
      expect((await errorOf(add({ ...base, examId: 'not-a-uuid' }))).code).toBe('EXAM_NOT_FOUND');
      const bad = async (input: Partial<FeedbackInput>, field: string) => {
        const error = await errorOf(add({ ...base, examId: h.e6.id, ...input }));
        expect(error.code).toBe('BAD_QUERY');
        expect(error.message).toContain(field);
      };
      await bad({ criterion: 'tilt' }, 'criterion');
      await bad({ author: '   ' }, 'author');
      await bad({ author: 'x'.repeat(65) }, 'author');
      await bad({ reason: 'x'.repeat(501) }, 'reason');
      expect(await db().feedback.listForExam(h.e6.id)).toEqual([]);
    });

    it('orders entries given within the same millisecond, also when they arrive at once', async () => {
      const entries = await Promise.all(
        Array.from({ length: 6 }, (_, i) => add({ examId: h.e6.id, agree: true, author: `Tapper ${i}` })),
      );
      const times = entries.map((entry) => entry.createdAt.getTime()).sort((a, b) => a - b);
      expect(new Set(times).size).toBe(entries.length);
      const listed = await db().feedback.listForExam(h.e6.id);
      expect(listed.map((entry) => entry.createdAt.getTime())).toEqual([...times].reverse());
    });

    it('lists the exams whose latest feedback disagrees, newest exam first, with all their feedback', async () => {
      const page = await db().feedback.listDisputed();
      expect(page.items.map((item) => item.exam.id)).toEqual([h.e8.id, h.e4.id, h.e1.id]);
      expect(page.nextCursor).toBeNull();
      const e1 = page.items[2];
      expect(e1?.exam).toMatchObject({ station: 'DR-1', technologist: 'Ann', qualified: true, view: 'ap' });
      expect(e1?.feedback).toEqual([given.e1disagree, given.e1agree]);
      expect(page.items[0]?.exam.failedCriteria).toEqual(['exposure']);
    });

    it('narrows disputed exams like the statistics and pages through them', async () => {
      const ids = async (query: Parameters<Database['feedback']['listDisputed']>[0]) =>
        (await db().feedback.listDisputed(query)).items.map((item) => item.exam.id);
      expect(await ids({ station: 'DR-2' })).toEqual([h.e4.id]);
      expect(await ids({ technologist: 'Ann' })).toEqual([h.e1.id]);
      expect(await ids({ view: 'oblique' })).toEqual([h.e4.id]);
      expect(
        await ids({ from: new Date('2026-03-03T00:00:00Z'), to: new Date('2026-03-09T00:00:00Z') }),
      ).toEqual([h.e4.id]);
      const first = await db().feedback.listDisputed({ limit: 2 });
      expect(first.items.map((item) => item.exam.id)).toEqual([h.e8.id, h.e4.id]);
      const second = await db().feedback.listDisputed({ limit: 2, cursor: first.nextCursor ?? '' });
      expect(second.items.map((item) => item.exam.id)).toEqual([h.e1.id]);
      expect(second.nextCursor).toBeNull();
      expect((await errorOf(db().feedback.listDisputed({ cursor: 'bm9wZQ' }))).code).toBe('BAD_CURSOR');
      expect((await errorOf(db().feedback.listDisputed({ limit: 0 }))).code).toBe('BAD_QUERY');
    });

    it('counts agreement per failed criterion, per disputed criterion once, and qualified verdicts under ""', async () => {
      expect(await db().feedback.agreement()).toEqual([
        row('', 2, 1), // e1 agree + disagree, e7 agree
        row('exposure', 0, 2), // e1 (named), e8 (failed)
        row('l3-double-contour', 1, 1), // e3 (failed), e8 (named)
        row('vertebrae-in-field', 2, 1), // e2 disagree named and failed: once; e2 agree; e3 agree
      ]);
    });

    it("narrows agreement by the exam's station, technologist, view and time", async () => {
      expect(await db().feedback.agreement({ station: 'DR-1' })).toEqual([
        row('', 1, 1),
        row('exposure', 0, 2),
        row('l3-double-contour', 0, 1),
        row('vertebrae-in-field', 1, 1),
      ]);
      expect(await db().feedback.agreement({ technologist: 'Ann', view: 'lateral' })).toEqual([
        row('l3-double-contour', 1, 0),
        row('vertebrae-in-field', 1, 0),
      ]);
      expect(await db().feedback.agreement({ from: new Date('2026-03-09T00:00:00Z') })).toEqual([
        row('', 1, 0),
        row('exposure', 0, 1),
        row('l3-double-contour', 0, 1),
      ]);
      expect(await db().feedback.agreement({ to: new Date('2026-03-01T00:00:00Z') })).toEqual([]);
    });
  });
}
