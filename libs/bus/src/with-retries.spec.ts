import { describe, expect, it } from 'vitest';
import { BusError } from './bus-error.js';
import type { IncomingMessage } from './message-bus.js';
import { withRetries } from './with-retries.js';

const message: IncomingMessage = {
  topic: 'qc.image.received',
  partition: 0,
  offset: '41',
  key: 'room-1',
  value: '{}',
  headers: {},
};

describe('withRetries', () => {
  it('returns after the first success without calling onGiveUp', async () => {
    let calls = 0;
    const gaveUp: number[] = [];
    const handler = withRetries(
      async () => {
        calls++;
        if (calls < 2) throw new Error('transient');
      },
      { maxAttempts: 3, backoffMs: 0, onGiveUp: async (_m, _e, attempts) => void gaveUp.push(attempts) },
    );
    await handler(message);
    expect(calls).toBe(2);
    expect(gaveUp).toEqual([]);
  });

  it('gives up at once on an error that retrying cannot fix', async () => {
    let calls = 0;
    const gaveUp: unknown[] = [];
    const invalid = new TypeError('not a qc.image.received message');
    const handler = withRetries(
      async () => {
        calls++;
        throw invalid;
      },
      {
        maxAttempts: 5,
        backoffMs: 0,
        isRetriable: (error) => !(error instanceof TypeError),
        onGiveUp: async (m, error, attempts) => void gaveUp.push([m.offset, error, attempts]),
      },
    );
    await handler(message);
    expect(calls).toBe(1);
    expect(gaveUp).toEqual([['41', invalid, 1]]);
  });

  it('rejects when onGiveUp rejects, so that the bus redelivers', async () => {
    const handler = withRetries(
      async () => {
        throw new Error('poison');
      },
      {
        maxAttempts: 2,
        backoffMs: 0,
        onGiveUp: async () => {
          throw new Error('dead-letter topic unreachable');
        },
      },
    );
    await expect(handler(message)).rejects.toThrow('dead-letter topic unreachable');
  });

  it('refuses a policy without a positive attempt count or with a negative backoff', () => {
    const handler = async (): Promise<void> => undefined;
    const onGiveUp = async (): Promise<void> => undefined;
    expect(() => withRetries(handler, { maxAttempts: 0, backoffMs: 0, onGiveUp })).toThrow(BusError);
    expect(() => withRetries(handler, { maxAttempts: 1.5, backoffMs: 0, onGiveUp })).toThrow(BusError);
    expect(() => withRetries(handler, { maxAttempts: 1, backoffMs: -1, onGiveUp })).toThrow(BusError);
  });
});
