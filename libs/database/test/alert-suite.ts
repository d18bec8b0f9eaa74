// Alerts (raised with their webhook outbox rows in one transaction) and the exam history the alert rules read, run
// by the repository suite on every database the product supports.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_PERIOD_EXAM_IDS,
  type AlertHistoryExam,
  type AlertInput,
  type AlertSubjectFilter,
  type Database,
  type WebhookSubscriptionWithSecret,
} from '../src/index.js';
import { criteriaFor, judged, received } from './fixtures.js';
import { buildHistory, type History } from './history.js';
import { errorOf, useDatabase } from './suite-helpers.js';
import { T0, at, subscription } from './webhook-fixtures.js';

const EXAM_A = '11111111-1111-4111-8111-111111111111';
const EXAM_B = '22222222-2222-4222-8222-222222222222';

function alert(overrides: Partial<AlertInput> = {}): AlertInput {
  return {
    ruleKind: 'technologist-unqualified-streak',
    ruleVersion: '1.0.0',
    subjectKind: 'technologist',
    subject: 'Ann',
    title: 'Ann: 3 unqualified of the last 5 exams',
    message: 'Ann had 3 unqualified exams among her last 5 (threshold 3).',
    examIds: [EXAM_A, EXAM_B],
    metrics: { unqualified: 3, window: 5 },
    ...overrides,
  };
}

export function describeAlerts(open: () => Promise<Database>): void {
  describe('raising alerts', () => {
    const db = useDatabase(open);
    const subs: Record<string, WebhookSubscriptionWithSecret> = {};

    beforeAll(async () => {
      const create = (overrides: Parameters<typeof subscription>[0]) =>
        db().webhooks.create(subscription(overrides));
      subs.everything = await create({});
      subs.ann = await create({ technologist: 'Ann', eventTypes: ['alert.raised'] });
      subs.bob = await create({ technologist: 'Bob' });
      subs.room1 = await create({ station: 'DR-1' });
      subs.verdictsOnly = await create({ eventTypes: ['exam.judged'] });
      subs.inactive = await create({ technologist: 'Ann', active: false });
    });

    it('stores the alert and one delivery per subscription matching its subject', async () => {
      const { alert: stored, deliveries } = await db().alerts.raise({
        alert: alert({ subject: ' Ann ' }),
        now: T0,
      });
      expect(stored).toEqual({ ...alert(), id: expect.any(String), raisedAt: T0 });
      expect(await db().alerts.get(stored.id)).toEqual(stored);
      expect(deliveries.map((d) => d.subscriptionId).sort()).toEqual(
        [subs.everything?.id, subs.ann?.id].sort(),
      );
      const data = JSON.parse(JSON.stringify(stored)) as unknown;
      for (const delivery of deliveries) {
        expect(delivery).toMatchObject({
          eventType: 'alert.raised',
          alertId: stored.id,
          examId: null,
          status: 'pending',
          nextAttemptAt: T0,
          payload: data,
        });
      }
      const listed = await db().webhooks.listDeliveries({ alertId: stored.id });
      expect(listed.items.map((d) => d.id).sort()).toEqual(deliveries.map((d) => d.id).sort());
      const due = await db().webhooks.claimDue({ now: T0, limit: 10, leaseMs: 1000 });
      expect(due.map((d) => d.id).sort()).toEqual(deliveries.map((d) => d.id).sort());
    });

    it('sends the data the caller builds from the stored alert, and reaches room subscriptions for a room', async () => {
      const { alert: stored, deliveries } = await db().alerts.raise({
        alert: alert({ ruleKind: 'criterion-repeated-in-room', subjectKind: 'station', subject: 'DR-1' }),
        now: at(1000),
        payload: (raised) => ({ alertId: raised.id, links: raised.examIds.map((id) => `/exams/${id}`) }),
      });
      expect(deliveries.map((d) => d.subscriptionId).sort()).toEqual(
        [subs.everything?.id, subs.room1?.id].sort(),
      );
      expect(deliveries[0]?.payload).toEqual({
        alertId: stored.id,
        links: [`/exams/${EXAM_A}`, `/exams/${EXAM_B}`],
      });
      const quiet = await db().alerts.raise({
        alert: alert({ subjectKind: 'station', subject: 'DR-7' }),
        now: at(2000),
      });
      expect(quiet.deliveries.map((d) => d.subscriptionId)).toEqual([subs.everything?.id]);
    });

    it('stores neither the alert nor any delivery when a delivery cannot be written', async () => {
      const before = await db().alerts.list({ limit: 500 });
      const deliveriesBefore = await db().webhooks.listDeliveries({ limit: 500 });
      // PostgreSQL's jsonb refuses the NUL character: the delivery insert fails after the alert's succeeded.
      const refused = await db()
        .alerts.raise({
          alert: alert({ subject: 'Bob' }),
          now: at(3000),
          payload: () => ({ note: 'a\u0000b' }),
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(refused).toBeInstanceOf(Error);
      const thrown = await db()
        .alerts.raise({
          alert: alert({ subject: 'Bob' }),
          now: at(3000),
          payload: () => {
            throw new Error('no base URL');
          },
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(thrown).toMatchObject({ message: 'no base URL' });
      expect(await db().alerts.list({ limit: 500 })).toEqual(before);
      expect(await db().webhooks.listDeliveries({ limit: 500 })).toEqual(deliveriesBefore);
      expect((await db().alerts.list({ subject: 'Bob' })).items).toEqual([]);
    });

    it('refuses a malformed alert', async () => {
      for (const bad of [
        alert({ examIds: ['exam-1'] }),
        alert({ subject: '  ' }),
        alert({ subjectKind: 'view' as 'station' }),
        alert({ title: '' }),
        alert({ ruleKind: 'x'.repeat(65) }),
      ]) {
        expect((await errorOf(db().alerts.raise({ alert: bad, now: T0 }))).code).toBe('BAD_QUERY');
      }
    });
  });

  describe('reading alerts back', () => {
    const db = useDatabase(open);
    const raised: string[] = [];

    beforeAll(async () => {
      // Six alerts a minute apart, alternating Ann (technologist) and DR-1 (station); the last two at one instant.
      const times = [0, 60_000, 120_000, 180_000, 240_000, 240_000];
      for (const [index, ms] of times.entries()) {
        const input =
          index % 2 === 0
            ? alert()
            : alert({ subjectKind: 'station', subject: 'DR-1', ruleKind: 'unqualified-rate' });
        raised.push((await db().alerts.raise({ alert: input, now: at(ms) })).alert.id);
      }
    });

    it('returns the alerts raised since a time, newest first, for the cool-downs', async () => {
      const recent = await db().alerts.recent({ since: at(120_000) });
      expect(recent.map((a) => a.raisedAt)).toEqual([at(240_000), at(240_000), at(180_000), at(120_000)]);
      expect(recent.map((a) => a.id).sort()).toEqual(raised.slice(2).sort());
      expect(recent[0]).toMatchObject({ ruleVersion: '1.0.0', metrics: { unqualified: 3, window: 5 } });
      expect(await db().alerts.recent({ since: at(240_001) })).toEqual([]);
    });

    it('lists alerts page by page, narrowed by subject', async () => {
      const all = await db().alerts.list();
      expect(all.items).toHaveLength(6);
      const first = await db().alerts.list({ limit: 4 });
      const second = await db().alerts.list({ limit: 4, cursor: first.nextCursor ?? '' });
      expect(second.nextCursor).toBeNull();
      expect([...first.items, ...second.items]).toEqual(all.items);
      const room = await db().alerts.list({ subjectKind: 'station', subject: 'DR-1' });
      expect(room.items.map((a) => a.id).sort()).toEqual([raised[1], raised[3], raised[5]].sort());
      expect((await db().alerts.list({ ruleKind: 'unqualified-rate' })).items).toEqual(room.items);
      expect(await db().alerts.get('00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await db().alerts.get('nope')).toBeNull();
      expect((await errorOf(db().alerts.list({ cursor: 'bm9wZQ' }))).code).toBe('BAD_CURSOR');
    });
  });

  describe('exam history for the alert rules', () => {
    const db = useDatabase(open);
    let h: History;

    beforeAll(async () => {
      h = await buildHistory(db());
    });

    const since = new Date('2026-03-01T00:00:00Z');
    const examIds = (rows: AlertHistoryExam[]) => rows.map((row) => row.examId);

    it('gives judged exams newest first in the shape the rules read', async () => {
      const rows = await db().exams.recentForAlerts({ since, limit: 100 });
      // e5 failed and e6 is still waiting: no verdict to judge by. e7 and e8 share an instant: id breaks the tie.
      const sameInstant = [h.e7.id, h.e8.id].sort().reverse();
      expect(examIds(rows)).toEqual([...sameInstant, h.e4.id, h.e3.id, h.e2.id, h.e1.id]);
      const byId = new Map(rows.map((row) => [row.examId, row]));
      expect(byId.get(h.e2.id)).toEqual({
        examId: h.e2.id,
        station: 'DR-1',
        technologist: 'Bob',
        view: 'ap',
        receivedAt: new Date('2026-03-02T09:00:00Z'),
        assessable: true,
        qualified: false,
        failedCriteria: ['vertebrae-in-field'],
        deviationIndex: 7,
      });
      expect(byId.get(h.e3.id)).toMatchObject({
        view: 'lateral',
        failedCriteria: ['vertebrae-in-field', 'l3-double-contour'],
        qualified: false,
      });
      expect(byId.get(h.e4.id)).toMatchObject({
        view: 'oblique',
        assessable: false,
        qualified: null,
        failedCriteria: [],
        deviationIndex: null,
      });
      expect(byId.get(h.e8.id)).toMatchObject({
        qualified: false,
        failedCriteria: ['exposure'],
        deviationIndex: 9,
      });
      expect(byId.get(h.e1.id)).toMatchObject({ qualified: true, failedCriteria: [], deviationIndex: 7 });
    });

    it('narrows to a room or a technologist, a start time and a count', async () => {
      expect(examIds(await db().exams.recentForAlerts({ station: 'DR-2', since, limit: 100 }))).toEqual([
        h.e7.id,
        h.e4.id,
        h.e3.id,
      ]);
      expect(examIds(await db().exams.recentForAlerts({ technologist: 'Ann', since, limit: 2 }))).toEqual([
        h.e7.id,
        h.e3.id,
      ]);
      expect(
        examIds(await db().exams.recentForAlerts({ since: new Date('2026-03-03T00:00:00Z'), limit: 100 })),
      ).toHaveLength(3);
      expect(await db().exams.recentForAlerts({ station: 'DR-404', since, limit: 100 })).toEqual([]);
      expect((await errorOf(db().exams.recentForAlerts({ since, limit: 0 }))).code).toBe('BAD_QUERY');
      expect((await errorOf(db().exams.recentForAlerts({ since, limit: 5001 }))).code).toBe('BAD_QUERY');
    });
  });

  describe('period counts for the unqualified-rate rule', () => {
    const db = useDatabase(open);
    let h: History;

    beforeAll(async () => {
      h = await buildHistory(db());
    });

    const since = new Date('2026-03-01T00:00:00Z');

    it('counts a room’s and a technologist’s judged, assessable and unqualified exams, ids oldest first', async () => {
      // e5 failed and e6 is still waiting; e4 is not assessable; e7 and e8 share an instant.
      expect(await db().exams.periodCounts({ station: 'DR-1' }, since)).toEqual({
        assessable: 3,
        unqualified: 2,
        unqualifiedExamIds: [h.e2.id, h.e8.id],
      });
      expect(await db().exams.periodCounts({ technologist: 'Ann' }, since)).toEqual({
        assessable: 3,
        unqualified: 1,
        unqualifiedExamIds: [h.e3.id],
      });
      expect(await db().exams.periodCounts({ technologist: ' Bob ' }, since)).toEqual({
        assessable: 2,
        unqualified: 2,
        unqualifiedExamIds: [h.e2.id, h.e8.id],
      });
      expect(await db().exams.periodCounts({ station: 'DR-404' }, since)).toEqual({
        assessable: 0,
        unqualified: 0,
        unqualifiedExamIds: [],
      });
    });

    it('counts only exams received strictly after `since`, as the rule does', async () => {
      const e2At = new Date('2026-03-02T09:00:00Z');
      expect(await db().exams.periodCounts({ station: 'DR-1' }, e2At)).toEqual({
        assessable: 1,
        unqualified: 1,
        unqualifiedExamIds: [h.e8.id],
      });
      const justBefore = new Date(e2At.getTime() - 1);
      expect((await db().exams.periodCounts({ station: 'DR-1' }, justBefore)).unqualifiedExamIds).toEqual([
        h.e2.id,
        h.e8.id,
      ]);
    });

    it('agrees with the rows the alert history gives, counted one by one', async () => {
      const subjects: AlertSubjectFilter[] = [
        { station: 'DR-1' },
        { station: 'DR-2' },
        { technologist: 'Ann' },
        { technologist: 'Bob' },
      ];
      for (const from of [since, new Date('2026-03-02T12:00:00Z'), new Date('2026-03-09T07:59:59.999Z')]) {
        for (const subject of subjects) {
          const rows = (await db().exams.recentForAlerts({ ...subject, since: from, limit: 100 }))
            .filter((row) => row.receivedAt > from && row.assessable)
            .reverse();
          const unqualified = rows.filter((row) => row.qualified === false).map((row) => row.examId);
          expect(await db().exams.periodCounts(subject, from)).toEqual({
            assessable: rows.length,
            unqualified: unqualified.length,
            unqualifiedExamIds: unqualified,
          });
        }
      }
    });

    it('refuses a query without exactly one named subject or without a valid date', async () => {
      const bad: [unknown, Date][] = [
        [{}, since],
        [{ station: 'DR-1', technologist: 'Ann' }, since],
        [{ station: '  ' }, since],
        [{ station: 'DR-1' }, new Date(Number.NaN)],
      ];
      for (const [subject, from] of bad) {
        const error = await errorOf(db().exams.periodCounts(subject as AlertSubjectFilter, from));
        expect(error.code).toBe('BAD_QUERY');
      }
    });
  });

  describe('period counts of a busy room', () => {
    const db = useDatabase(open);
    const total = MAX_PERIOD_EXAM_IDS + 3;
    const ids: string[] = [];

    beforeAll(async () => {
      // Unqualified exams a minute apart, pairs sharing an instant (id orders them), and one qualified exam.
      const start = Date.parse('2026-05-01T00:00:00Z');
      for (let n = 0; n < total; n += 1) {
        const receivedAt = new Date(start + Math.floor(n / 2) * 60_000);
        const { exam } = await db().exams.recordReceived(received({ station: 'DR-busy', receivedAt }));
        await db().exams.recordVerdict(judged(exam, { criteria: criteriaFor('ap', ['vertebrae-in-field']) }));
        ids.push(`${receivedAt.toISOString()} ${exam.id}`);
      }
      const { exam } = await db().exams.recordReceived(
        received({ station: 'DR-busy', receivedAt: new Date(start) }),
      );
      await db().exams.recordVerdict(judged(exam));
    });

    it('keeps the counts exact and lists only the newest unqualified exams, oldest first', async () => {
      const counts = await db().exams.periodCounts({ station: 'DR-busy' }, new Date('2026-04-01T00:00:00Z'));
      expect(counts.assessable).toBe(total + 1);
      expect(counts.unqualified).toBe(total);
      const newest = [...ids]
        .sort()
        .slice(-MAX_PERIOD_EXAM_IDS)
        .map((key) => key.split(' ')[1]);
      expect(counts.unqualifiedExamIds).toEqual(newest);
    });
  });
}
