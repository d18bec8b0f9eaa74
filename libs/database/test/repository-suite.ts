// The exam, feedback, webhook, alert, account, token and audit repositories' behaviour, run against every database
// the product supports: embedded PGlite (the spec beside the code) and PostgreSQL (test/postgres.spec.ts). `open`
// must return a fresh, empty database each call.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, ExamSummary } from '../src/index.js';
import { describeAccounts } from './accounts-suite.js';
import { describeAlerts } from './alert-suite.js';
import { describeFeedback } from './feedback-suite.js';
import { describeRetention } from './retention-suite.js';
import { criteriaFor, failed, judged, received, uniqueUid } from './fixtures.js';
import { buildHistory, type History } from './history.js';
import { errorOf, useDatabase } from './suite-helpers.js';
import { describeWebhooks } from './webhook-suite.js';

export function describeRepository(open: () => Promise<Database>): void {
  describe('recording received images', () => {
    const db = useDatabase(open);

    it('records the exam with its image, station and technologist', async () => {
      const input = received({ requestedView: 'lateral', requestedPixelSpacingMm: 0.2 });
      const { exam, created } = await db().exams.recordReceived(input);
      expect(created).toBe(true);
      expect(exam).toMatchObject({
        sopInstanceUid: input.sopInstanceUid,
        station: 'DR-1',
        technologist: 'Ann',
        source: 'c-store',
        requestedView: 'lateral',
        status: 'received',
        receivedAt: input.receivedAt,
        judgedAt: null,
        view: null,
        qualified: null,
        failedCriteria: [],
      });
      expect(await db().exams.stationOf(exam.id)).toBe('DR-1');
      const detail = await db().exams.getExam(exam.id);
      expect(detail?.image).toEqual({
        storageKey: input.image.storageKey,
        format: 'dicom',
        sizeBytes: 1234,
        sha256: input.image.sha256,
        sopClassUid: input.image.sopClassUid,
        transferSyntaxUid: input.image.transferSyntaxUid,
        width: 2048,
        height: 2500,
        viewPosition: 'AP',
        bodyPartExamined: 'LSPINE',
        purgedAt: null,
      });
      expect(detail?.patientIdHash).toBe(input.patientIdHash);
      expect(detail?.requestedPixelSpacingMm).toBe(0.2);
      expect(detail?.verdict).toBeNull();
      expect(await db().exams.getExamBySop(input.sopInstanceUid)).toEqual(detail);
    });

    it('is idempotent on the SOP instance UID: a re-send returns the first exam unchanged', async () => {
      const first = received({ station: 'DR-7', operator: 'Cleo' });
      const original = await db().exams.recordReceived(first);
      const again = await db().exams.recordReceived({
        ...first,
        station: 'DR-8',
        receivedAt: new Date('2026-04-01T00:00:00Z'),
        image: { ...first.image, storageKey: 'elsewhere' },
      });
      expect(again.created).toBe(false);
      expect(again.exam).toEqual(original.exam);
      expect((await db().exams.getExam(original.exam.id))?.image?.storageKey).toBe(first.image.storageKey);
      expect((await db().exams.listExams({ station: 'DR-8' })).total).toBe(0);
    });

    it('creates one exam when the same image arrives several times at once', async () => {
      const input = received({ station: 'DR-race', operator: 'Racer' });
      const results = await Promise.all(Array.from({ length: 8 }, () => db().exams.recordReceived(input)));
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.exam.id)).size).toBe(1);
      expect((await db().exams.listExams({ station: 'DR-race' })).total).toBe(1);
    });

    it('shares one station row among images arriving at once from a new room', async () => {
      const inputs = Array.from({ length: 6 }, () => received({ station: 'DR-new', operator: 'Newcomer' }));
      const results = await Promise.all(inputs.map((input) => db().exams.recordReceived(input)));
      expect(results.every((result) => result.created)).toBe(true);
      expect((await db().exams.listExams({ station: 'DR-new', technologist: 'Newcomer' })).total).toBe(6);
    });

    it('keeps no relation for an empty station or operator', async () => {
      const { exam } = await db().exams.recordReceived(received({ station: '', operator: '  ' }));
      expect(exam.station).toBe('');
      expect(exam.technologist).toBe('');
      const unnamed = await db().exams.listExams({ station: '', technologist: '' });
      expect(unnamed.items.map((item) => item.id)).toContain(exam.id);
    });

    it('lists exams still waiting for a verdict, oldest first, with what re-publishing needs', async () => {
      const old = await db().exams.recordReceived(
        received({
          station: 'DR-pending',
          receivedAt: new Date('2020-01-01T00:00:00Z'),
          requestedPixelSpacingMm: 0.14,
        }),
      );
      const older = await db().exams.recordReceived(
        received({
          station: 'DR-pending',
          receivedAt: new Date('2019-01-01T00:00:00Z'),
          image: {
            ...received().image,
            storageKey: 'png/older.png',
            format: 'png',
          },
        }),
      );
      const judgedOne = await db().exams.recordReceived(
        received({ station: 'DR-pending', receivedAt: new Date('2019-06-01T00:00:00Z') }),
      );
      await db().exams.recordVerdict(judged(judgedOne.exam));
      const pending = await db().exams.pendingExams(new Date('2021-01-01T00:00:00Z'), 10);
      expect(pending.map((exam) => exam.id)).toEqual([older.exam.id, old.exam.id]);
      expect(pending[0]).toMatchObject({
        storageKey: 'png/older.png',
        format: 'png',
        requestedPixelSpacingMm: null,
      });
      expect(pending[1]).toMatchObject({
        format: 'dicom',
        requestedPixelSpacingMm: 0.14,
        station: 'DR-pending',
      });
      expect(await db().exams.pendingExams(new Date('2019-06-01T00:00:00Z'), 10)).toHaveLength(1);
    });

    it('answers null for an unknown or malformed exam id', async () => {
      expect(await db().exams.getExam('00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await db().exams.getExam('not-a-uuid')).toBeNull();
      expect(await db().exams.getExamBySop('9.9.9')).toBeNull();
      expect(await db().exams.stationOf('00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await db().exams.stationOf('not-a-uuid')).toBeNull();
    });
  });

  describe('recording verdicts', () => {
    const db = useDatabase(open);
    const newExam = async (): Promise<ExamSummary> => (await db().exams.recordReceived(received())).exam;

    it('stores the verdict, its criteria in order, the measurements and the versions that judged it', async () => {
      const exam = await newExam();
      const message = judged(exam, {
        view: 'lateral',
        criteria: criteriaFor('lateral', ['vertebrae-in-field']),
      });
      const { applied, exam: detail } = await db().exams.recordVerdict(message);
      expect(applied).toBe(true);
      expect(detail).toMatchObject({
        id: exam.id,
        status: 'judged',
        judgedAt: new Date(message.judgedAt),
        view: 'lateral',
        qualified: false,
        notAssessable: false,
        failedCriteria: ['vertebrae-in-field'],
        failureCode: null,
      });
      expect(detail.verdict).toEqual({
        view: 'lateral',
        viewSource: 'dicom',
        qualified: false,
        notAssessable: false,
        reason: null,
        confidence: 0.97,
        pixelSpacingMm: [0.15, 0.16],
        pixelSpacingSource: 'dicom:PixelSpacing',
        modelVersion: 'scse-unet-2026.11',
        rulesVersion: 'rules-1.0.0',
        criteria: message.criteria,
        vertebrae: message.vertebrae,
        timingsMs: message.timingsMs,
        worker: 'worker-a:101',
        attempts: 1,
        judgedAt: new Date(message.judgedAt),
      });
      expect(await db().exams.getExam(exam.id)).toEqual(detail);
    });

    it('keeps an open-ended pass range open', async () => {
      const exam = await newExam();
      const { exam: detail } = await db().exams.recordVerdict(judged(exam, { view: 'ap' }));
      const pelvis = detail.verdict?.criteria.find((criterion) => criterion.id === 'pelvis-in-field');
      expect(pelvis?.range).toEqual([4, Infinity]);
    });

    it('applies a replayed verdict once', async () => {
      const exam = await newExam();
      const message = judged(exam);
      const first = await db().exams.recordVerdict(message);
      const replay = await db().exams.recordVerdict({ ...message, worker: 'worker-z:9', attempts: 2 });
      expect(replay.applied).toBe(false);
      expect(replay.exam).toEqual(first.exam);
      expect(replay.exam.verdict?.criteria).toHaveLength(message.criteria.length);
    });

    it('applies one of several identical verdicts delivered at once', async () => {
      const exam = await newExam();
      const message = judged(exam);
      const results = await Promise.all(Array.from({ length: 5 }, () => db().exams.recordVerdict(message)));
      expect(results.filter((result) => result.applied)).toHaveLength(1);
      const detail = await db().exams.getExam(exam.id);
      expect(detail?.verdict?.criteria).toHaveLength(message.criteria.length);
    });

    it('marks the exam failed, and a later judgement replaces the failure', async () => {
      const exam = await newExam();
      const failure = await db().exams.recordVerdict(failed(exam));
      expect(failure.applied).toBe(true);
      expect(failure.exam).toMatchObject({
        status: 'failed',
        failureCode: 'BAD_DICOM',
        failureReason: 'pixel data truncated',
        verdict: null,
        qualified: null,
      });
      expect((await db().exams.recordVerdict(failed(exam, { reason: 'again' }))).applied).toBe(false);

      const retry = await db().exams.recordVerdict(judged(exam));
      expect(retry.applied).toBe(true);
      expect(retry.exam).toMatchObject({
        status: 'judged',
        failureCode: null,
        failureReason: null,
        qualified: true,
      });

      const late = await db().exams.recordVerdict(failed(exam));
      expect(late.applied).toBe(false);
      expect(late.exam.status).toBe('judged');
    });

    it('reports a not-assessable image as neither qualified nor unqualified', async () => {
      const exam = await newExam();
      const { exam: detail } = await db().exams.recordVerdict(
        judged(exam, {
          view: 'oblique',
          criteria: criteriaFor('oblique', [], false),
          qualified: false,
          notAssessable: true,
          reason: 'no vertebrae found',
        }),
      );
      expect(detail).toMatchObject({ notAssessable: true, qualified: null, failedCriteria: [] });
      expect(detail.verdict).toMatchObject({ notAssessable: true, reason: 'no vertebrae found' });
    });

    it('refuses a verdict for an unknown exam or one that names another image', async () => {
      const exam = await newExam();
      const unknown = judged({ ...exam, id: '00000000-0000-4000-8000-000000000000' });
      expect((await errorOf(db().exams.recordVerdict(unknown))).code).toBe('EXAM_NOT_FOUND');
      const mismatch = judged({ ...exam, sopInstanceUid: uniqueUid() });
      expect((await errorOf(db().exams.recordVerdict(mismatch))).code).toBe('EXAM_MISMATCH');
      expect((await db().exams.getExam(exam.id))?.status).toBe('received');
    });
  });

  describe('ingest failures', () => {
    const db = useDatabase(open);

    it('records rejected input and lists it newest first', async () => {
      const { exam } = await db().exams.recordReceived(received());
      const first = await db().exams.recordIngestFailure({
        source: 'c-store',
        errorCode: 'NOT_DICOM',
        message: 'not a DICOM file',
        callingAeTitle: 'DR1',
        remoteAddress: '10.0.0.7',
        storageKey: 'rejected/a.bin',
        sizeBytes: 17,
      });
      const second = await db().exams.recordIngestFailure({
        source: 'stow-rs',
        errorCode: 'TOO_LARGE',
        message: 'over the size limit',
        sopInstanceUid: exam.sopInstanceUid,
        sizeBytes: 99,
        examId: exam.id,
      });
      const listed = await db().exams.ingestFailures({ limit: 10 });
      expect(listed.map((failure) => failure.id)).toEqual([second.id, first.id]);
      expect(listed[1]).toMatchObject({
        source: 'c-store',
        errorCode: 'NOT_DICOM',
        callingAeTitle: 'DR1',
        remoteAddress: '10.0.0.7',
        storageKey: 'rejected/a.bin',
        sizeBytes: 17,
        sopInstanceUid: null,
        examId: null,
      });
      expect(listed[0]).toMatchObject({
        source: 'stow-rs',
        examId: exam.id,
        sopInstanceUid: exam.sopInstanceUid,
      });
      expect(await db().exams.ingestFailures({ limit: 1 })).toHaveLength(1);
    });
  });

  describe('history queries on a hand-made history', () => {
    const db = useDatabase(open);
    let h: History;
    beforeAll(async () => {
      h = await buildHistory(db());
    });
    const ids = (items: ExamSummary[]) => items.map((item) => item.id);
    const idsOf = (...names: (keyof History)[]) => names.map((name) => h[name].id);
    const tied = () => (h.e7.id > h.e8.id ? idsOf('e7', 'e8') : idsOf('e8', 'e7'));
    const newestFirst = () => [...tied(), ...idsOf('e6', 'e5', 'e4', 'e3', 'e2', 'e1')];

    it('lists newest first, breaking ties on the id', async () => {
      const page = await db().exams.listExams({});
      expect(ids(page.items)).toEqual(newestFirst());
      expect(page.total).toBe(8);
      expect(page.nextCursor).toBeNull();
    });

    it('filters by station, technologist, view, outcome, criterion, status and time', async () => {
      const list = async (filter: Parameters<Database['exams']['listExams']>[0]) => {
        const page = await db().exams.listExams(filter);
        expect(page.total).toBe(page.items.length);
        return new Set(ids(page.items));
      };
      const set = (...names: (keyof History)[]) => new Set(idsOf(...names));
      expect(await list({ station: 'DR-1' })).toEqual(set('e1', 'e2', 'e5', 'e6', 'e8'));
      expect(await list({ technologist: 'Bob' })).toEqual(set('e2', 'e4', 'e8'));
      expect(await list({ technologist: '' })).toEqual(set('e6'));
      expect(await list({ view: 'ap' })).toEqual(set('e1', 'e2', 'e6', 'e7', 'e8'));
      expect(await list({ view: 'lateral' })).toEqual(set('e3'));
      expect(await list({ qualified: true })).toEqual(set('e1', 'e7'));
      expect(await list({ qualified: false })).toEqual(set('e2', 'e3', 'e8'));
      expect(await list({ notAssessable: true })).toEqual(set('e4'));
      expect(await list({ criterion: 'vertebrae-in-field' })).toEqual(set('e2', 'e3'));
      expect(await list({ criterion: 'exposure' })).toEqual(set('e8'));
      expect(await list({ status: 'failed' })).toEqual(set('e5'));
      expect(await list({ status: 'received' })).toEqual(set('e6'));
      expect(
        await list({ from: new Date('2026-03-03T00:00:00Z'), to: new Date('2026-03-09T08:00:00Z') }),
      ).toEqual(set('e4', 'e5', 'e6'));
      expect(
        await list({ station: 'DR-1', qualified: false, from: new Date('2026-03-09T00:00:00Z') }),
      ).toEqual(set('e8'));
    });

    it('summarises each exam with its outcome and failed criteria', async () => {
      const page = await db().exams.listExams({ station: 'DR-2' });
      const byId = new Map(page.items.map((item) => [item.id, item]));
      expect(byId.get(h.e3.id)).toMatchObject({
        view: 'lateral',
        qualified: false,
        notAssessable: false,
        failedCriteria: ['vertebrae-in-field', 'l3-double-contour'],
        status: 'judged',
      });
      expect(byId.get(h.e4.id)).toMatchObject({ view: 'oblique', qualified: null, notAssessable: true });
    });

    it('counts per day and station, with unqualified rates of judged assessable images', async () => {
      const rows = await db().exams.stats({ period: 'day', groupBy: 'station' });
      const row = (period: string, key: string, counts: number[], rate: number | null) => {
        const [total, judgedCount, qualified, unqualified, notAssessable, failedCount] = counts;
        return {
          period,
          key,
          total,
          judged: judgedCount,
          qualified,
          unqualified,
          notAssessable,
          failed: failedCount,
          unqualifiedRate: rate,
        };
      };
      expect(rows).toEqual([
        row('2026-03-02', 'DR-1', [2, 2, 1, 1, 0, 0], 0.5),
        row('2026-03-02', 'DR-2', [1, 1, 0, 1, 0, 0], 1),
        row('2026-03-03', 'DR-1', [2, 0, 0, 0, 0, 1], null),
        row('2026-03-03', 'DR-2', [1, 1, 0, 0, 1, 0], null),
        row('2026-03-09', 'DR-1', [1, 1, 0, 1, 0, 0], 1),
        row('2026-03-09', 'DR-2', [1, 1, 1, 0, 0, 0], 0),
      ]);
    });

    it('counts per Monday-based week and technologist, unnamed first', async () => {
      const rows = await db().exams.stats({ period: 'week', groupBy: 'technologist' });
      expect(
        rows.map((r) => [
          r.period,
          r.key,
          r.total,
          r.judged,
          r.qualified,
          r.unqualified,
          r.notAssessable,
          r.failed,
        ]),
      ).toEqual([
        ['2026-03-02', '', 1, 0, 0, 0, 0, 0],
        ['2026-03-02', 'Ann', 3, 2, 1, 1, 0, 1],
        ['2026-03-02', 'Bob', 2, 2, 0, 1, 1, 0],
        ['2026-03-09', 'Ann', 1, 1, 1, 0, 0, 0],
        ['2026-03-09', 'Bob', 1, 1, 0, 1, 0, 0],
      ]);
      expect(rows[1]?.unqualifiedRate).toBe(0.5);
      expect(rows[2]?.unqualifiedRate).toBe(1);
      expect(rows[0]?.unqualifiedRate).toBeNull();
    });

    it('counts per view, using the requested view for images not judged yet', async () => {
      const rows = await db().exams.stats({
        period: 'week',
        groupBy: 'view',
        to: new Date('2026-03-09T00:00:00Z'),
      });
      expect(
        rows.map((r) => [r.key, r.total, r.judged, r.qualified, r.unqualified, r.notAssessable, r.failed]),
      ).toEqual([
        ['', 1, 0, 0, 0, 0, 1],
        ['ap', 3, 2, 1, 1, 0, 0],
        ['lateral', 1, 1, 0, 1, 0, 0],
        ['oblique', 1, 1, 0, 0, 1, 0],
      ]);
      expect(rows.every((r) => r.period === '2026-03-02')).toBe(true);
    });

    it('counts the exams failing each criterion', async () => {
      const rows = await db().exams.stats({
        period: 'week',
        groupBy: 'criterion',
        to: new Date('2026-03-09T00:00:00Z'),
      });
      expect(rows.map((r) => r.key)).toEqual([
        'exposure',
        'inferior-articular-processes',
        'intervertebral-foramina-visible',
        'l3-double-contour',
        'pelvis-in-field',
        'sacrum-in-field',
        'scottie-dog',
        'spinous-process-midline',
        'spinous-processes-visible',
        'vertebrae-in-field',
      ]);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      expect(byKey.get('vertebrae-in-field')).toEqual({
        period: '2026-03-02',
        key: 'vertebrae-in-field',
        total: 4,
        judged: 4,
        qualified: 1,
        unqualified: 2,
        notAssessable: 1,
        failed: 0,
        unqualifiedRate: 2 / 3,
      });
      expect(byKey.get('l3-double-contour')).toMatchObject({ total: 3, qualified: 2, unqualified: 1 });
      expect(byKey.get('exposure')).toMatchObject({
        total: 4,
        qualified: 3,
        unqualified: 0,
        notAssessable: 1,
      });
      expect(byKey.get('scottie-dog')).toMatchObject({ total: 1, notAssessable: 1, unqualifiedRate: null });
    });

    it('narrows statistics by station, technologist, view and time', async () => {
      const rows = await db().exams.stats({
        period: 'week',
        groupBy: 'criterion',
        station: 'DR-1',
        technologist: 'Bob',
        view: 'ap',
      });
      const failing = rows.filter((r) => r.unqualified > 0).map((r) => [r.period, r.key, r.unqualified]);
      expect(failing).toEqual([
        ['2026-03-02', 'vertebrae-in-field', 1],
        ['2026-03-09', 'exposure', 1],
      ]);
      const late = await db().exams.stats({
        period: 'day',
        groupBy: 'station',
        from: new Date('2026-03-09T00:00:00Z'),
      });
      expect(late.map((r) => [r.period, r.key, r.total])).toEqual([
        ['2026-03-09', 'DR-1', 1],
        ['2026-03-09', 'DR-2', 1],
      ]);
    });

    it("follows the site's calendar when given a time zone", async () => {
      // 23:30 UTC on 2 March is 07:30 on 3 March in Shanghai.
      const rows = await db().exams.stats({
        period: 'day',
        groupBy: 'station',
        station: 'DR-2',
        timeZone: 'Asia/Shanghai',
        to: new Date('2026-03-05T00:00:00Z'),
      });
      expect(rows.map((r) => [r.period, r.key, r.total])).toEqual([['2026-03-03', 'DR-2', 2]]);
      expect(
        (await errorOf(db().exams.stats({ period: 'day', groupBy: 'view', timeZone: 'Mars/Olympus' }))).code,
      ).toBe('BAD_QUERY');
    });

    it('pages through the history without gaps or repeats', async () => {
      const seen: string[] = [];
      const pageSizes: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await db().exams.listExams({ limit: 3, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(8);
        seen.push(...ids(page.items));
        pageSizes.push(page.items.length);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(pageSizes).toEqual([3, 3, 2]);
      expect(seen).toEqual(newestFirst());
    });

    it('refuses a cursor it did not issue and a non-positive limit', async () => {
      expect((await errorOf(db().exams.listExams({ cursor: 'bm9wZQ' }))).code).toBe('BAD_CURSOR');
      expect((await errorOf(db().exams.listExams({ limit: 0 }))).code).toBe('BAD_QUERY');
    });

    // Last: it adds an exam to the history.
    it('keeps the next page stable when newer exams arrive between requests', async () => {
      const first = await db().exams.listExams({ limit: 3 });
      await db().exams.recordReceived(received({ receivedAt: new Date('2026-03-20T00:00:00Z') }));
      const second = await db().exams.listExams({ limit: 3, cursor: first.nextCursor ?? '' });
      expect(ids(second.items)).toEqual(newestFirst().slice(3, 6));
      expect(second.total).toBe(9);
    });
  });

  describeFeedback(open);
  describeWebhooks(open);
  describeAlerts(open);
  describeRetention(open);
  describeAccounts(open);

  describe('health', () => {
    it('reports the server while open and not after close', async () => {
      const db = await open();
      const health = await db.health();
      expect(health.ok).toBe(true);
      expect(health.detail).toMatch(/PostgreSQL \d+/);
      await db.close();
      await db.close();
      expect((await db.health()).ok).toBe(false);
    });
  });
}
