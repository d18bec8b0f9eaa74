import { describe, expect, it } from 'vitest';
import { describeBusContract, eventually, gate, uniqueName } from '../testing/bus-contract.js';
import { BusError } from '../bus-error.js';
import { InProcessBus } from './in-process-bus.js';

describeBusContract('in-process', (options) => new InProcessBus(options));

describe('InProcessBus', () => {
  it('keeps messages until every group that subscribed to the topic has committed them', async () => {
    const bus = new InProcessBus({ partitions: 1 });
    await bus.connect();
    const topic = uniqueName('retention');
    const total = 1_000;
    await bus.publish(
      topic,
      Array.from({ length: total }, (_, seq) => ({ key: 'room-1', value: { seq } })),
    );
    // No group yet: everything is kept for the first one.
    expect(bus.retainedMessages(topic)).toBe(total);

    let fast = 0;
    let slow = 0;
    const paused = gate();
    await bus.subscribe({ topic, group: 'fast', handler: async () => void fast++ });
    await bus.subscribe({
      topic,
      group: 'slow',
      handler: async () => {
        if (++slow > 300) await paused.opened;
      },
    });
    await eventually(() => fast === total, 'the fast group to finish');
    await eventually(() => slow === 301, 'the slow group to hold its 301st message');
    // Only what the slow group has committed may go (it goes in batches, so some of that stays).
    expect(bus.retainedMessages(topic)).toBeGreaterThanOrEqual(total - 300);
    expect(bus.retainedMessages(topic)).toBeLessThan(total);

    paused.open();
    await eventually(() => slow === total, 'the slow group to finish');
    expect(bus.retainedMessages(topic)).toBeLessThan(256);
    await bus.close();
  });

  it('rejects a partition count that is not a positive integer', () => {
    expect(() => new InProcessBus({ partitions: 0 })).toThrow(BusError);
    expect(() => new InProcessBus({ partitions: 1.5 })).toThrow(BusError);
  });
});
