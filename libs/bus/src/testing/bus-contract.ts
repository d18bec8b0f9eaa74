// The behaviour every MessageBus must show, run against each implementation by its own spec file.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BusError } from '../bus-error.js';
import type { BusLogger } from '../bus-logger.js';
import type { IncomingMessage, MessageBus, Subscription } from '../message-bus.js';
import { partitionForKey } from '../partition-for-key.js';
import type { RedeliveryBackoff } from '../timing.js';
import { withRetries } from '../with-retries.js';

export interface ContractBusOptions {
  partitions: number;
  redelivery: RedeliveryBackoff;
  logger: BusLogger;
}

export type MakeBus = (options: ContractBusOptions) => MessageBus;

const PARTITIONS = 6;
/** Short, so that failing handlers are retried quickly; the contract is about order, not speed. */
const REDELIVERY: RedeliveryBackoff = { initialMs: 20, maxMs: 200 };

export const silentLogger: BusLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Waits until `check()` holds; fails with `what` rather than hanging when it never does. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A promise the test opens by hand. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

export function uniqueName(what: string): string {
  return `bus-test.${what}.${randomUUID().slice(0, 8)}`;
}

/** Distinct keys that land on distinct partitions, so their messages may be handled in parallel. */
export function keysOnDistinctPartitions(count: number, partitions = PARTITIONS): string[] {
  const byPartition = new Map<number, string>();
  for (let i = 0; byPartition.size < count; i++) {
    const key = `room-${i}`;
    const partition = partitionForKey(key, partitions);
    if (!byPartition.has(partition)) byPartition.set(partition, key);
  }
  return [...byPartition.values()];
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

async function busErrorCode(promise: Promise<unknown>): Promise<string> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(BusError);
  return (error as BusError).code;
}

const valueOf = (message: IncomingMessage): unknown => JSON.parse(message.value);
const seqOf = (message: IncomingMessage): number => (JSON.parse(message.value) as { seq: number }).seq;

export function describeBusContract(name: string, makeBus: MakeBus): void {
  describe(`${name} bus: MessageBus contract`, () => {
    const buses: MessageBus[] = [];

    function newBus(): MessageBus {
      const bus = makeBus({ partitions: PARTITIONS, redelivery: REDELIVERY, logger: silentLogger });
      buses.push(bus);
      return bus;
    }

    async function openBus(): Promise<MessageBus> {
      const bus = newBus();
      await bus.connect();
      return bus;
    }

    afterEach(async () => {
      await Promise.allSettled(buses.splice(0).map((bus) => bus.close({ timeoutMs: 20_000 })));
    });

    it('delivers key, JSON value, headers, topic, partition and increasing offsets', async () => {
      const bus = await openBus();
      const topic = uniqueName('roundtrip');
      const values = [{ seq: 0, text: 'é ✓' }, { seq: 1, nested: { list: [1, 2] } }, { seq: 2 }];
      await bus.publish(
        topic,
        values.map((value) => ({ key: 'room-1', value, headers: { 'trace-id': `t${value.seq}` } })),
      );
      const received: IncomingMessage[] = [];
      await bus.subscribe({ topic, group: uniqueName('group'), handler: async (m) => void received.push(m) });

      await eventually(() => received.length === 3, 'three messages');
      expect(received.map(valueOf)).toEqual(values);
      expect(received.map((m) => m.value)).toEqual(values.map((value) => JSON.stringify(value)));
      for (const message of received) {
        expect(message.topic).toBe(topic);
        expect(message.key).toBe('room-1');
        expect(message.partition).toBe(partitionForKey('room-1', PARTITIONS));
        expect(message.headers).toEqual({ 'trace-id': `t${seqOf(message)}` });
      }
      const offsets = received.map((m) => BigInt(m.offset));
      expect(offsets[1] - offsets[0]).toBe(1n);
      expect(offsets[2] - offsets[1]).toBe(1n);
    });

    it('refuses use before connect(), bad options and messages that are not JSON, publishing none of a bad batch', async () => {
      const bus = newBus();
      const topic = uniqueName('refusals');
      const group = uniqueName('group');
      expect(await busErrorCode(bus.publish(topic, [{ key: 'k', value: 1 }]))).toBe('NOT_CONNECTED');
      expect(await busErrorCode(bus.subscribe({ topic, group, handler: async () => undefined }))).toBe(
        'NOT_CONNECTED',
      );
      await bus.connect();

      const good = { key: 'k', value: { seq: 0 } };
      expect(await busErrorCode(bus.publish(topic, [good, { key: 'k', value: undefined }]))).toBe(
        'BAD_MESSAGE',
      );
      expect(await busErrorCode(bus.publish(topic, [good, { key: 'k', value: 10n }]))).toBe('BAD_MESSAGE');
      expect(await busErrorCode(bus.publish(topic, [{ key: 7 as unknown as string, value: 1 }]))).toBe(
        'BAD_MESSAGE',
      );
      const circular: Record<string, unknown> = {};
      circular['self'] = circular;
      expect(await busErrorCode(bus.publish(topic, [{ key: 'k', value: circular }]))).toBe('BAD_MESSAGE');
      expect(
        await busErrorCode(bus.subscribe({ topic, group, concurrency: 0, handler: async () => undefined })),
      ).toBe('BAD_OPTIONS');
      expect(await busErrorCode(bus.subscribe({ topic, group: '', handler: async () => undefined }))).toBe(
        'BAD_OPTIONS',
      );

      await bus.publish(topic, [{ key: 'k', value: { seq: 1 } }]);
      const received: IncomingMessage[] = [];
      await bus.subscribe({ topic, group, handler: async (m) => void received.push(m) });
      await eventually(() => received.length === 1, 'the good message');
      await bus.publish(topic, [{ key: 'k', value: { seq: 2 } }]);
      await eventually(() => received.length === 2, 'the second good message');
      expect(received.map(seqOf)).toEqual([1, 2]);
    });

    it('redelivers a message whose handler threw, never skipping it or reordering what follows', async () => {
      const bus = await openBus();
      const topic = uniqueName('redeliver');
      await bus.publish(
        topic,
        [0, 1, 2, 3, 4].map((seq) => ({ key: 'room-1', value: { seq } })),
      );
      const attempts: Array<{ seq: number; offset: string }> = [];
      const handled: number[] = [];
      let failuresLeft = 2;
      await bus.subscribe({
        topic,
        group: uniqueName('group'),
        handler: async (message) => {
          attempts.push({ seq: seqOf(message), offset: message.offset });
          if (seqOf(message) === 1 && failuresLeft-- > 0) throw new Error('transient failure');
          handled.push(seqOf(message));
        },
      });

      await eventually(() => handled.length === 5, 'all five handled');
      expect(handled).toEqual([0, 1, 2, 3, 4]);
      expect(attempts.map((a) => a.seq)).toEqual([0, 1, 1, 1, 2, 3, 4]);
      expect(new Set(attempts.filter((a) => a.seq === 1).map((a) => a.offset)).size).toBe(1);
    });

    it('handles one key in order and one at a time, and different keys in parallel up to the concurrency', async () => {
      const bus = await openBus();
      const topic = uniqueName('order');
      const keys = keysOnDistinctPartitions(3);
      const perKey = 8;
      const messages = [];
      for (let seq = 0; seq < perKey; seq++) {
        for (const key of keys) messages.push({ key, value: { seq } });
      }
      await bus.publish(topic, messages);

      const seen = new Map<string, number[]>(keys.map((key) => [key, []]));
      const inFlightByKey = new Map<string, number>();
      let inFlight = 0;
      let maxInFlight = 0;
      let sameKeyOverlap = false;
      const overlap = gate();
      let first = true;
      await bus.subscribe({
        topic,
        group: uniqueName('group'),
        concurrency: 2,
        handler: async (message) => {
          const mine = (inFlightByKey.get(message.key) ?? 0) + 1;
          inFlightByKey.set(message.key, mine);
          if (mine > 1) sameKeyOverlap = true;
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          if (inFlight >= 2) overlap.open();
          if (first) {
            first = false;
            // Hold the first message until another key's message runs beside it.
            await Promise.race([overlap.opened, new Promise((resolve) => setTimeout(resolve, 20_000))]);
          }
          await new Promise((resolve) => setImmediate(resolve));
          seen.get(message.key)!.push(seqOf(message));
          inFlight--;
          inFlightByKey.set(message.key, mine - 1);
        },
      });

      await eventually(() => [...seen.values()].every((list) => list.length === perKey), 'every message');
      for (const key of keys) expect(seen.get(key)).toEqual(Array.from({ length: perKey }, (_, i) => i));
      expect(sameKeyOverlap).toBe(false);
      expect(maxInFlight).toBe(2);
    });

    it('gives every consumer group every message', async () => {
      const bus = await openBus();
      const topic = uniqueName('groups');
      const keys = Array.from({ length: 10 }, (_, i) => `room-${i}`);
      await bus.publish(
        topic,
        keys.map((key, seq) => ({ key, value: { seq } })),
      );
      const first: number[] = [];
      const second: number[] = [];
      await bus.subscribe({ topic, group: uniqueName('a'), handler: async (m) => void first.push(seqOf(m)) });
      await bus.subscribe({
        topic,
        group: uniqueName('b'),
        handler: async (m) => void second.push(seqOf(m)),
      });

      await eventually(() => first.length === 10 && second.length === 10, 'both groups to get all ten');
      expect([...first].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
      expect([...second].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
    });

    it('shares the partitions among the members of a group, each message handled once', async () => {
      const bus = await openBus();
      const topic = uniqueName('share');
      const group = uniqueName('group');
      const byMember: number[][] = [[], []];
      for (const list of byMember) {
        await bus.subscribe({ topic, group, handler: async (m) => void list.push(seqOf(m)) });
      }
      const total = 48;
      await bus.publish(
        topic,
        Array.from({ length: total }, (_, seq) => ({ key: `room-${seq % 24}`, value: { seq } })),
      );

      await eventually(() => byMember[0].length + byMember[1].length >= total, 'every message handled');
      const all = [...byMember[0], ...byMember[1]].sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: total }, (_, i) => i));
      expect(byMember[0].length).toBeGreaterThan(0);
      expect(byMember[1].length).toBeGreaterThan(0);
    });

    it('resumes a group from its committed offsets after its member closed', async () => {
      const bus = await openBus();
      const topic = uniqueName('resume');
      const group = uniqueName('group');
      await bus.publish(
        topic,
        [0, 1, 2].map((seq) => ({ key: 'room-1', value: { seq } })),
      );
      const before: number[] = [];
      const first = await bus.subscribe({ topic, group, handler: async (m) => void before.push(seqOf(m)) });
      await eventually(() => before.length === 3, 'the first three');
      await first.close();

      await bus.publish(
        topic,
        [3, 4, 5].map((seq) => ({ key: 'room-1', value: { seq } })),
      );
      const after: number[] = [];
      await bus.subscribe({ topic, group, handler: async (m) => void after.push(seqOf(m)) });
      await eventually(() => after.length >= 3, 'the next three');
      expect(before).toEqual([0, 1, 2]);
      expect(after).toEqual([3, 4, 5]);
    });

    it('hands a failing member’s uncommitted messages to the member that remains when it leaves', async () => {
      const bus = await openBus();
      const topic = uniqueName('failover');
      const group = uniqueName('group');
      await bus.publish(
        topic,
        [0, 1, 2, 3, 4, 5].map((seq) => ({ key: 'room-1', value: { seq } })),
      );
      const handledByA: number[] = [];
      let failedAttemptsOnTwo = 0;
      const memberA = await bus.subscribe({
        topic,
        group,
        handler: async (message) => {
          if (seqOf(message) >= 2) {
            failedAttemptsOnTwo++;
            throw new Error('this member cannot handle it');
          }
          handledByA.push(seqOf(message));
        },
      });
      await eventually(() => failedAttemptsOnTwo >= 2, 'member A to fail on message 2 twice');

      const handledByB: number[] = [];
      await bus.subscribe({ topic, group, handler: async (m) => void handledByB.push(seqOf(m)) });
      await memberA.close();

      await eventually(() => handledByB.length >= 4, 'member B to get messages 2–5');
      expect(handledByA).toEqual([0, 1]);
      expect(handledByB).toEqual([2, 3, 4, 5]);
    });

    it('close() waits for the handler in flight, commits its message and handles nothing more', async () => {
      const bus = await openBus();
      const topic = uniqueName('close');
      const group = uniqueName('group');
      await bus.publish(
        topic,
        [0, 1].map((seq) => ({ key: 'room-1', value: { seq } })),
      );
      const events: string[] = [];
      const release = gate();
      const subscription = await bus.subscribe({
        topic,
        group,
        handler: async (message) => {
          events.push(`start ${seqOf(message)}`);
          await release.opened;
          events.push(`done ${seqOf(message)}`);
        },
      });
      await eventually(() => events.includes('start 0'), 'the first message to start');

      const closing = subscription.close().then(() => events.push('closed'));
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(events).toEqual(['start 0']);
      release.open();
      await closing;
      expect(events).toEqual(['start 0', 'done 0', 'closed']);

      const later: number[] = [];
      await bus.subscribe({ topic, group, handler: async (m) => void later.push(seqOf(m)) });
      await eventually(() => later.length >= 1, 'the message left unhandled');
      expect(later).toEqual([1]);
    });

    it('close() gives up with CLOSE_TIMEOUT when a handler does not finish in time', async () => {
      const bus = await openBus();
      const topic = uniqueName('close-timeout');
      await bus.publish(topic, [{ key: 'room-1', value: { seq: 0 } }]);
      const stuck = gate();
      let started = false;
      const subscription: Subscription = await bus.subscribe({
        topic,
        group: uniqueName('group'),
        handler: async () => {
          started = true;
          await stuck.opened;
        },
      });
      await eventually(() => started, 'the handler to start');
      expect(await busErrorCode(subscription.close({ timeoutMs: 200 }))).toBe('CLOSE_TIMEOUT');
      stuck.open();
    });

    it('withRetries bounds the attempts, hands the message to onGiveUp and moves on', async () => {
      const bus = await openBus();
      const topic = uniqueName('retries');
      const group = uniqueName('group');
      await bus.publish(
        topic,
        [0, 1, 2].map((seq) => ({ key: 'room-1', value: { seq } })),
      );
      const attempts: number[] = [];
      const gaveUp: Array<{ seq: number; error: string; attempts: number }> = [];
      let deadLetterFailures = 1;
      const subscription = await bus.subscribe({
        topic,
        group,
        handler: withRetries(
          async (message) => {
            attempts.push(seqOf(message));
            if (seqOf(message) === 1) throw new Error('poison');
          },
          {
            maxAttempts: 3,
            backoffMs: 5,
            onGiveUp: async (message, error, count) => {
              // The first dead-lettering fails: the bus must redeliver, not drop, the message.
              if (deadLetterFailures-- > 0) throw new Error('dead-letter topic unreachable');
              gaveUp.push({ seq: seqOf(message), error: (error as Error).message, attempts: count });
            },
          },
        ),
      });

      await eventually(() => attempts.includes(2), 'the message after the poison one');
      expect(attempts).toEqual([0, 1, 1, 1, 1, 1, 1, 2]);
      expect(gaveUp).toEqual([{ seq: 1, error: 'poison', attempts: 3 }]);

      await subscription.close();
      await bus.publish(topic, [{ key: 'room-1', value: { seq: 3 } }]);
      const later: number[] = [];
      await bus.subscribe({ topic, group, handler: async (m) => void later.push(seqOf(m)) });
      await eventually(() => later.length >= 1, 'the next message');
      expect(later).toEqual([3]);
    });

    it('reports health while connected and not after close()', async () => {
      const bus = newBus();
      expect((await bus.health()).ok).toBe(false);
      await bus.connect();
      const health = await bus.health();
      expect(health.ok).toBe(true);
      expect(health.detail.length).toBeGreaterThan(0);
      await bus.close();
      expect((await bus.health()).ok).toBe(false);
      expect(await busErrorCode(bus.publish(uniqueName('closed'), [{ key: 'k', value: 1 }]))).toBe('CLOSED');
    });
  });
}
