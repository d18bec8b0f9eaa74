// Webhook subscriptions and the delivery outbox, run by the repository suite on every database the product supports.
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AttemptResult,
  Database,
  WebhookDelivery,
  WebhookSubscriptionWithSecret,
} from '../src/index.js';
import { errorOf, useDatabase } from './suite-helpers.js';
import { T0, at, newSecret, someExam, subscription } from './webhook-fixtures.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const FAILED_500: AttemptResult = { ok: false, status: 500, error: 'HTTP 500', durationMs: 12 };
const REFUSED: AttemptResult = { ok: false, status: null, error: 'connect ECONNREFUSED', durationMs: 3 };
const OK_204: AttemptResult = { ok: true, status: 204, error: null, durationMs: 8.4 };

const ids = (items: { id: string }[]) => items.map((item) => item.id);
const sorted = (values: string[]) => [...values].sort();

export function describeWebhooks(open: () => Promise<Database>): void {
  describe('webhook subscriptions', () => {
    const db = useDatabase(open);

    it('returns the secret on creation only and masks it everywhere else', async () => {
      const created = await db().webhooks.create(
        subscription({ station: ' DR-1 ', view: 'lateral', description: ' QA desk ' }),
      );
      expect(created).toMatchObject({
        url: 'https://receiver.example.org/hooks/spineqc',
        eventTypes: ['exam.judged', 'alert.raised'],
        station: 'DR-1',
        technologist: null,
        view: 'lateral',
        active: true,
        description: 'QA desk',
        maskedSecret: `whsec_…${created.secret.slice(-4)}`,
      });
      const listed = await db().webhooks.list();
      const fetched = await db().webhooks.get(created.id);
      for (const shown of [listed, fetched]) {
        expect(JSON.stringify(shown)).not.toContain(created.secret.slice(6, 20));
        expect(shown).not.toHaveProperty('secret');
      }
      const { secret: _secret, ...masked } = created;
      expect(fetched).toEqual(masked);
      expect(listed).toEqual([masked]);
      expect(await db().webhooks.get(UNKNOWN)).toBeNull();
      expect(await db().webhooks.get('not-a-uuid')).toBeNull();
    });

    it('updates the fields given, clears a filter given null, and rotates the secret', async () => {
      const created = await db().webhooks.create(
        subscription({ technologist: 'Ann', eventTypes: ['alert.raised'] }),
      );
      const updated = await db().webhooks.update(created.id, {
        technologist: null,
        station: 'DR-2',
        eventTypes: ['alert.raised', 'exam.judged', 'alert.raised'],
        active: false,
        url: 'https://other.example.org/in',
      });
      expect(updated).toMatchObject({
        technologist: null,
        station: 'DR-2',
        eventTypes: ['exam.judged', 'alert.raised'],
        active: false,
        url: 'https://other.example.org/in',
        maskedSecret: created.maskedSecret,
      });
      const secret = newSecret();
      const rotated = await db().webhooks.rotateSecret(created.id, secret);
      expect(rotated.secret).toBe(secret);
      expect(rotated.maskedSecret).toBe(`whsec_…${secret.slice(-4)}`);
      expect((await db().webhooks.get(created.id))?.maskedSecret).toBe(rotated.maskedSecret);
    });

    it('deletes a subscription with its deliveries and refuses unknown ids', async () => {
      const created = await db().webhooks.create(subscription({ station: 'DR-delete' }));
      const [delivery] = await db().webhooks.enqueue({
        eventType: 'exam.judged',
        station: 'DR-delete',
        payload: { n: 1 },
        now: T0,
      });
      expect(delivery?.subscriptionId).toBe(created.id);
      await db().webhooks.delete(created.id);
      expect(await db().webhooks.get(created.id)).toBeNull();
      expect((await db().webhooks.listDeliveries({ subscriptionId: created.id })).items).toEqual([]);
      const attempts = [
        () => db().webhooks.delete(created.id),
        () => db().webhooks.update(UNKNOWN, { active: true }),
        () => db().webhooks.rotateSecret('nope', newSecret()),
      ];
      for (const attempt of attempts) expect((await errorOf(attempt())).code).toBe('SUBSCRIPTION_NOT_FOUND');
    });

    it('refuses bad input, naming the field', async () => {
      const cases = [
        subscription({ url: 'receiver/hooks' }),
        subscription({ url: 'ftp://receiver.example.org/' }),
        subscription({ secret: 'hunter2' }),
        subscription({ eventTypes: [] }),
        subscription({ eventTypes: ['exam.deleted' as 'exam.judged'] }),
        subscription({ view: 'pa' as 'ap' }),
        subscription({ station: 'x'.repeat(65) }),
      ];
      const messages = await Promise.all(
        cases.map(async (input) => {
          const error = await errorOf(db().webhooks.create(input));
          expect(error.code).toBe('BAD_QUERY');
          return error.message;
        }),
      );
      expect(messages.map((message) => message.match(/(url|secret|eventTypes|view|station)/)?.[1])).toEqual([
        'url',
        'url',
        'secret',
        'eventTypes',
        'eventTypes',
        'view',
        'station',
      ]);
    });
  });

  describe('matching subscriptions to events', () => {
    const db = useDatabase(open);
    const subs: Record<string, WebhookSubscriptionWithSecret> = {};

    beforeAll(async () => {
      const create = (overrides: Parameters<typeof subscription>[0]) =>
        db().webhooks.create(subscription(overrides));
      subs.everything = await create({});
      subs.room1 = await create({ station: 'DR-1' });
      subs.ann = await create({ technologist: 'Ann' });
      subs.lateral = await create({ view: 'lateral', eventTypes: ['exam.judged'] });
      subs.room1Ann = await create({ station: 'DR-1', technologist: 'Ann' });
      subs.alertsOnly = await create({ eventTypes: ['alert.raised'] });
      subs.inactive = await create({ active: false });
    });

    const matching = async (scope: Parameters<Database['webhooks']['matchingSubscriptions']>[0]) =>
      sorted(ids(await db().webhooks.matchingSubscriptions(scope)));
    const named = (...names: string[]) => sorted(names.map((name) => subs[name]?.id ?? name));

    it('matches when every filter is null or equal to the event', async () => {
      expect(
        await matching({ eventType: 'exam.judged', station: 'DR-1', technologist: 'Ann', view: 'ap' }),
      ).toEqual(named('everything', 'room1', 'ann', 'room1Ann'));
      expect(
        await matching({ eventType: 'exam.judged', station: 'DR-2', technologist: 'Ann', view: 'lateral' }),
      ).toEqual(named('everything', 'ann', 'lateral'));
      expect(await matching({ eventType: 'alert.raised', station: 'DR-1' })).toEqual(
        named('everything', 'room1', 'alertsOnly'),
      );
      expect(await matching({ eventType: 'alert.raised', technologist: 'Ann' })).toEqual(
        named('everything', 'ann', 'alertsOnly'),
      );
    });

    it('reaches only unfiltered subscriptions when the event has no value (an unknown room)', async () => {
      expect(await matching({ eventType: 'exam.judged', station: '', technologist: '', view: 'ap' })).toEqual(
        named('everything'),
      );
    });

    it('never matches an inactive subscription, and masks the secrets it returns', async () => {
      const found = await db().webhooks.matchingSubscriptions({ eventType: 'alert.raised' });
      expect(ids(found)).not.toContain(subs.inactive?.id);
      expect(found.every((sub) => !('secret' in sub))).toBe(true);
    });

    it('queues one delivery per matching subscription, due at once', async () => {
      const examId = await someExam(db());
      const deliveries = await db().webhooks.enqueue({
        eventType: 'exam.judged',
        station: 'DR-1',
        technologist: 'Ann',
        view: 'ap',
        examId,
        payload: { examId, judgedAt: T0, qualified: false },
        now: T0,
      });
      expect(sorted(deliveries.map((d) => d.subscriptionId))).toEqual(
        named('everything', 'room1', 'ann', 'room1Ann'),
      );
      for (const delivery of deliveries) {
        expect(delivery).toMatchObject({
          eventType: 'exam.judged',
          payload: { examId, judgedAt: T0.toISOString(), qualified: false },
          status: 'pending',
          attempts: 0,
          nextAttemptAt: T0,
          createdAt: T0,
          deliveredAt: null,
          lastError: null,
          lastStatus: null,
          examId,
          alertId: null,
          attemptLog: [],
        });
      }
      expect(new Set(ids(deliveries)).size).toBe(deliveries.length);
      expect(
        await db().webhooks.enqueue({
          eventType: 'exam.judged',
          view: 'oblique',
          station: 'DR-9',
          technologist: 'Zed',
          payload: {},
        }),
      ).toHaveLength(1);
      expect(
        (await errorOf(db().webhooks.enqueue({ eventType: 'exam.judged', payload: undefined }))).code,
      ).toBe('BAD_QUERY');
    });
  });

  describe('claiming due deliveries', () => {
    const db = useDatabase(open);
    let queued: string[] = [];

    beforeAll(async () => {
      for (let i = 0; i < 3; i += 1)
        await db().webhooks.create(subscription({ url: `https://r${i}.example.org/` }));
      for (let event = 0; event < 12; event += 1) {
        const deliveries = await db().webhooks.enqueue({
          eventType: 'exam.judged',
          payload: { event },
          now: at(event),
        });
        queued.push(...ids(deliveries));
      }
      queued = sorted(queued);
    });

    it('never hands the same delivery to two concurrent callers', async () => {
      const claims = await Promise.all(
        Array.from({ length: 4 }, () =>
          db().webhooks.claimDue({ now: at(60_000), limit: 36, leaseMs: 30_000 }),
        ),
      );
      const claimed = claims.flatMap(ids);
      expect(claimed).toHaveLength(queued.length);
      expect(sorted(claimed)).toEqual(queued);
      expect(await db().webhooks.claimDue({ now: at(60_000), limit: 36, leaseMs: 30_000 })).toEqual([]);
    });

    it('hands a delivery out again once its lease has run out, with what is needed to send it', async () => {
      expect(await db().webhooks.claimDue({ now: at(89_999), limit: 100, leaseMs: 1000 })).toEqual([]);
      const again = await db().webhooks.claimDue({ now: at(90_000), limit: 100, leaseMs: 1000 });
      expect(sorted(ids(again))).toEqual(queued);
      // Oldest first.
      const times = again.map((d) => d.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const first = again[0];
      expect(first).toMatchObject({
        eventType: 'exam.judged',
        payload: { event: 0 },
        attempts: 0,
        createdAt: T0,
        leaseUntil: at(91_000),
        alertId: null,
        examId: null,
      });
      const sub = (await db().webhooks.list()).find((s) => s.id === first?.subscriptionId);
      expect(first?.url).toBe(sub?.url);
      expect(first?.secret).toMatch(/^whsec_/);
      expect(`whsec_…${first?.secret.slice(-4)}`).toBe(sub?.maskedSecret);
    });

    it('skips deliveries of an inactive subscription until it is active again', async () => {
      const [sub] = await db().webhooks.list();
      if (!sub) throw new Error('no subscription');
      await db().webhooks.update(sub.id, { active: false });
      const claimed = await db().webhooks.claimDue({ now: at(200_000), limit: 100, leaseMs: 1000 });
      expect(claimed.some((d) => d.subscriptionId === sub.id)).toBe(false);
      expect(claimed).toHaveLength(24);
      await db().webhooks.update(sub.id, { active: true });
      const resumed = await db().webhooks.claimDue({ now: at(200_000), limit: 100, leaseMs: 1000 });
      expect(resumed).toHaveLength(12);
      expect(resumed.every((d) => d.subscriptionId === sub.id)).toBe(true);
    });

    it('refuses a bad limit or lease', async () => {
      expect((await errorOf(db().webhooks.claimDue({ now: T0, limit: 0, leaseMs: 1000 }))).code).toBe(
        'BAD_QUERY',
      );
      expect((await errorOf(db().webhooks.claimDue({ now: T0, limit: 5, leaseMs: 0 }))).code).toBe(
        'BAD_QUERY',
      );
    });
  });

  describe('recording attempts', () => {
    const db = useDatabase(open);
    let delivery: WebhookDelivery;

    beforeAll(async () => {
      await db().webhooks.create(subscription());
      const queued = await db().webhooks.enqueue({ eventType: 'exam.judged', payload: { n: 1 }, now: T0 });
      if (!queued[0]) throw new Error('nothing queued');
      delivery = queued[0];
    });

    const claimIds = async (now: Date) =>
      ids(await db().webhooks.claimDue({ now, limit: 10, leaseMs: 1000 }));

    it('keeps a failed delivery pending until its next attempt is due (backoff)', async () => {
      expect(await claimIds(T0)).toEqual([delivery.id]);
      const after = await db().webhooks.recordAttempt({
        deliveryId: delivery.id,
        attempt: FAILED_500,
        now: at(100),
        outcome: { status: 'pending', nextAttemptAt: at(5_000) },
      });
      expect(after).toMatchObject({
        status: 'pending',
        attempts: 1,
        nextAttemptAt: at(5_000),
        lastError: 'HTTP 500',
        lastStatus: 500,
        deliveredAt: null,
      });
      expect(after.attemptLog).toEqual([
        {
          id: expect.any(String),
          attemptedAt: at(100),
          ok: false,
          status: 500,
          error: 'HTTP 500',
          durationMs: 12,
        },
      ]);
      expect(await claimIds(at(4_999))).toEqual([]);
      expect(await claimIds(at(5_000))).toEqual([delivery.id]);
      const second = await db().webhooks.recordAttempt({
        deliveryId: delivery.id,
        attempt: REFUSED,
        now: at(5_050),
        outcome: { status: 'pending', nextAttemptAt: at(15_000) },
      });
      expect(second).toMatchObject({ attempts: 2, lastError: 'connect ECONNREFUSED', lastStatus: null });
    });

    it('marks it delivered on success and logs every attempt in order', async () => {
      expect(await claimIds(at(15_000))).toEqual([delivery.id]);
      const done = await db().webhooks.recordAttempt({
        deliveryId: delivery.id,
        attempt: OK_204,
        now: at(15_010),
        outcome: { status: 'delivered' },
      });
      expect(done).toMatchObject({
        status: 'delivered',
        attempts: 3,
        deliveredAt: at(15_010),
        lastStatus: 204,
      });
      expect(done.attemptLog.map((a) => [a.attemptedAt, a.ok, a.status, a.durationMs])).toEqual([
        [at(100), false, 500, 12],
        [at(5_050), false, null, 3],
        [at(15_010), true, 204, 8],
      ]);
      expect(await claimIds(at(10_000_000))).toEqual([]);
    });

    it('logs a late attempt on a delivery already delivered without changing it', async () => {
      const late = await db().webhooks.recordAttempt({
        deliveryId: delivery.id,
        attempt: FAILED_500,
        now: at(16_000),
        outcome: { status: 'pending', nextAttemptAt: at(20_000) },
      });
      expect(late).toMatchObject({
        status: 'delivered',
        attempts: 3,
        deliveredAt: at(15_010),
        lastStatus: 204,
      });
      expect(late.attemptLog).toHaveLength(4);
    });

    it('refuses an outcome that contradicts the attempt, and unknown deliveries', async () => {
      const record = (attempt: AttemptResult, deliveryId = delivery.id) =>
        db().webhooks.recordAttempt({ deliveryId, attempt, now: T0, outcome: { status: 'delivered' } });
      expect((await errorOf(record(FAILED_500))).code).toBe('BAD_QUERY');
      expect((await errorOf(record({ ...OK_204, status: 42 }))).code).toBe('BAD_QUERY');
      expect((await errorOf(record(OK_204, UNKNOWN))).code).toBe('DELIVERY_NOT_FOUND');
      expect((await errorOf(record(OK_204, 'nope'))).code).toBe('DELIVERY_NOT_FOUND');
    });
  });

  describe('dead letters and redelivery', () => {
    const db = useDatabase(open);
    let subId: string;
    let dead: WebhookDelivery;
    let delivered: WebhookDelivery;

    beforeAll(async () => {
      subId = (await db().webhooks.create(subscription())).id;
      const [first, second] = [
        await db().webhooks.enqueue({ eventType: 'exam.judged', payload: { n: 1 }, now: T0 }),
        await db().webhooks.enqueue({ eventType: 'exam.judged', payload: { n: 2 }, now: at(1) }),
      ].map((queued) => queued[0]);
      if (!first || !second) throw new Error('nothing queued');
      await db().webhooks.recordAttempt({
        deliveryId: first.id,
        attempt: FAILED_500,
        now: at(10),
        outcome: { status: 'pending', nextAttemptAt: at(20) },
      });
      dead = await db().webhooks.recordAttempt({
        deliveryId: first.id,
        attempt: REFUSED,
        now: at(20),
        outcome: { status: 'dead' },
      });
      delivered = await db().webhooks.recordAttempt({
        deliveryId: second.id,
        attempt: OK_204,
        now: at(30),
        outcome: { status: 'delivered' },
      });
    });

    it('never hands out a dead delivery again on its own', async () => {
      expect(dead).toMatchObject({ status: 'dead', attempts: 2, lastError: 'connect ECONNREFUSED' });
      expect(await db().webhooks.claimDue({ now: at(10_000_000), limit: 10, leaseMs: 10 })).toEqual([]);
      const page = await db().webhooks.listDeliveries({ status: 'dead' });
      expect(ids(page.items)).toEqual([dead.id]);
      expect(await db().webhooks.getDelivery(dead.id)).toEqual(page.items[0]);
      expect(await db().webhooks.getDelivery('not-a-uuid')).toBeNull();
      expect(await db().webhooks.getDelivery('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('queues a dead or delivered delivery again with the same id, keeping its attempts', async () => {
      const revived = await db().webhooks.redeliver(dead.id, at(50_000));
      expect(revived).toMatchObject({
        id: dead.id,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: at(50_000),
        deliveredAt: null,
      });
      expect(revived.attemptLog).toEqual(dead.attemptLog);
      const resent = await db().webhooks.redeliver(delivered.id, at(50_000));
      expect(resent).toMatchObject({ status: 'pending', attempts: 0, deliveredAt: null });
      expect(resent.attemptLog).toHaveLength(1);
      const claimed = await db().webhooks.claimDue({ now: at(50_000), limit: 10, leaseMs: 10 });
      expect(sorted(ids(claimed))).toEqual(sorted([dead.id, delivered.id]));
    });

    it('refuses to redeliver a pending or unknown delivery', async () => {
      expect((await errorOf(db().webhooks.redeliver(dead.id, at(60_000)))).code).toBe('DELIVERY_PENDING');
      expect((await errorOf(db().webhooks.redeliver(UNKNOWN, at(60_000)))).code).toBe('DELIVERY_NOT_FOUND');
    });

    it('lists deliveries newest first, page by page, narrowed by subscription and status', async () => {
      for (let n = 3; n <= 7; n += 1) {
        await db().webhooks.enqueue({ eventType: 'exam.judged', payload: { n }, now: at(n) });
      }
      const all = await db().webhooks.listDeliveries({ subscriptionId: subId });
      expect(all.items.map((d) => (d.payload as { n: number }).n)).toEqual([7, 6, 5, 4, 3, 2, 1]);
      expect(all.nextCursor).toBeNull();
      const first = await db().webhooks.listDeliveries({ limit: 3 });
      const second = await db().webhooks.listDeliveries({ limit: 3, cursor: first.nextCursor ?? '' });
      const third = await db().webhooks.listDeliveries({ limit: 3, cursor: second.nextCursor ?? '' });
      expect([...first.items, ...second.items, ...third.items].map((d) => d.id)).toEqual(ids(all.items));
      expect(third.nextCursor).toBeNull();
      expect((await db().webhooks.listDeliveries({ subscriptionId: UNKNOWN })).items).toEqual([]);
      expect((await db().webhooks.listDeliveries({ subscriptionId: 'nope' })).items).toEqual([]);
      expect((await errorOf(db().webhooks.listDeliveries({ cursor: 'bm9wZQ' }))).code).toBe('BAD_CURSOR');
      expect((await errorOf(db().webhooks.listDeliveries({ status: 'lost' as 'dead' }))).code).toBe(
        'BAD_QUERY',
      );
    });
  });
}
