import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthError } from './errors.js';
import { RateLimiter } from './rate-limiter.js';

function fakeClock(start = 0) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    set: (ms: number) => {
      time = ms;
    },
  };
}

describe('RateLimiter', () => {
  it('allows a burst up to capacity, then refuses with the wait until one token is back', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ capacity: 5, refillPerSecond: 0.5, now: clock.now });
    for (let i = 0; i < 5; i += 1) expect(limiter.take('10.0.0.1')).toEqual({ allowed: true });
    expect(limiter.take('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    clock.advance(1500);
    expect(limiter.take('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(500);
    expect(limiter.take('10.0.0.1')).toEqual({ allowed: true });
    expect(limiter.take('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('refills at the given rate up to capacity, never beyond', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 1, now: clock.now });
    for (let i = 0; i < 3; i += 1) limiter.take('k');
    clock.advance(2000);
    expect(limiter.take('k')).toEqual({ allowed: true });
    expect(limiter.take('k')).toEqual({ allowed: true });
    expect(limiter.take('k').allowed).toBe(false);
    clock.advance(3_600_000);
    for (let i = 0; i < 3; i += 1) expect(limiter.take('k')).toEqual({ allowed: true });
    expect(limiter.take('k').allowed).toBe(false);
  });

  it('charges a cost and says how long until that many tokens are back', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ capacity: 10, refillPerSecond: 2, now: clock.now });
    expect(limiter.take('k', 7)).toEqual({ allowed: true });
    expect(limiter.take('k', 10)).toEqual({ allowed: false, retryAfterSeconds: 4 });
    clock.advance(3000);
    expect(limiter.take('k', 10)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(500);
    expect(limiter.take('k', 10)).toEqual({ allowed: true });
  });

  it('keeps keys independent, and reset forgets one', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 0.1, now: clock.now });
    limiter.take('alice');
    limiter.take('alice');
    expect(limiter.take('alice').allowed).toBe(false);
    expect(limiter.take('bob')).toEqual({ allowed: true });
    expect(limiter.take('__proto__')).toEqual({ allowed: true });
    limiter.reset('alice');
    expect(limiter.take('alice')).toEqual({ allowed: true });
    expect(limiter.take('bob')).toEqual({ allowed: true });
    expect(limiter.take('bob').allowed).toBe(false);
  });

  it('does not refill twice when the clock steps backwards', () => {
    const clock = fakeClock(10_000);
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 1, now: clock.now });
    limiter.take('k');
    clock.set(5_000);
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.set(10_500);
    expect(limiter.take('k').allowed).toBe(false);
    clock.set(11_000);
    expect(limiter.take('k')).toEqual({ allowed: true });
  });

  it('refuses nonsense options and costs', () => {
    for (const options of [
      { capacity: 0, refillPerSecond: 1 },
      { capacity: 1, refillPerSecond: 0 },
      { capacity: Number.NaN, refillPerSecond: 1 },
      { capacity: 1, refillPerSecond: Number.POSITIVE_INFINITY },
      { capacity: 1, refillPerSecond: 1, maxKeys: 0 },
      { capacity: 1, refillPerSecond: 1, maxKeys: 2.5 },
    ]) {
      expect(() => new RateLimiter(options)).toThrow(AuthError);
    }
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 1 });
    for (const cost of [0, -1, 4, Number.NaN]) expect(() => limiter.take('k', cost)).toThrow(AuthError);
  });

  it('when full, forgets a full (idle) bucket before the least recently used one', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ capacity: 10, refillPerSecond: 1, now: clock.now, maxKeys: 2 });
    limiter.take('old-busy', 5); // full again at 5 s
    clock.set(1000);
    limiter.take('recent-idle', 1); // full again at 2 s
    clock.set(3000);
    limiter.take('newcomer');
    expect(limiter.size).toBe(2);
    // old-busy was kept: 8 tokens, so 9 are refused (a forgotten key would start with 10).
    expect(limiter.take('old-busy', 9)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('when full and no bucket is idle, forgets the least recently used one', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ capacity: 4, refillPerSecond: 0.01, now: clock.now, maxKeys: 3 });
    limiter.take('a', 4);
    limiter.take('b', 4);
    limiter.take('c', 4);
    expect(limiter.take('a').allowed).toBe(false); // a is now the most recently used
    limiter.take('d', 4); // evicts b
    expect(limiter.size).toBe(3);
    expect(limiter.take('b', 4)).toEqual({ allowed: true }); // forgotten, so it starts full; evicts c
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('d').allowed).toBe(false);
    expect(limiter.take('c', 4)).toEqual({ allowed: true });
  });

  type Step = { key: number; cost: number; waitMs: number };
  const step: fc.Arbitrary<Step> = fc.record({
    key: fc.nat({ max: 40 }),
    cost: fc.integer({ min: 1, max: 5 }),
    waitMs: fc.oneof(fc.constant(0), fc.nat({ max: 5000 })),
  });

  it('never remembers more than maxKeys keys, whatever the traffic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(step, { maxLength: 300 }), (maxKeys, steps) => {
        const clock = fakeClock();
        const limiter = new RateLimiter({ capacity: 5, refillPerSecond: 1, now: clock.now, maxKeys });
        for (const { key, cost, waitMs } of steps) {
          clock.advance(waitMs);
          limiter.take(`client-${key}`, cost);
          expect(limiter.size).toBeLessThanOrEqual(maxKeys);
        }
      }),
    );
  });

  it('evicts exactly as "every full bucket first, then the least recently used" would', () => {
    // A plain reference that sweeps on every eviction, against the limiter's skipped sweeps.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(step, { maxLength: 300 }), (maxKeys, steps) => {
        const capacity = 5;
        const refillPerMs = 1 / 1000;
        const clock = fakeClock();
        const limiter = new RateLimiter({ capacity, refillPerSecond: 1, now: clock.now, maxKeys });
        const reference = new Map<string, { tokens: number; at: number }>();
        const tokensAt = (bucket: { tokens: number; at: number }, now: number) =>
          Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerMs);
        for (const { key, cost, waitMs } of steps) {
          clock.advance(waitMs);
          const now = clock.now();
          const name = `client-${key % 10}`;
          const known = reference.get(name);
          const tokens = known ? tokensAt(known, now) : capacity;
          if (known) reference.delete(name);
          else if (reference.size >= maxKeys) {
            for (const [other, bucket] of reference)
              if (tokensAt(bucket, now) >= capacity) reference.delete(other);
            if (reference.size >= maxKeys) reference.delete(reference.keys().next().value as string);
          }
          const allowed = tokens + 1e-9 >= cost;
          reference.set(name, { tokens: allowed ? Math.max(0, tokens - cost) : tokens, at: now });
          expect(limiter.take(name, cost).allowed).toBe(allowed);
          expect(limiter.size).toBe(reference.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with room for every key, behaves as an exact token bucket per key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(0.1, 0.5, 1, 3, 10),
        fc.array(step, { maxLength: 200 }),
        (capacity, refillPerSecond, steps) => {
          const clock = fakeClock();
          const limiter = new RateLimiter({ capacity, refillPerSecond, now: clock.now, maxKeys: 3 });
          const model = new Map<string, { tokens: number; at: number }>();
          for (const { key, cost: rawCost, waitMs } of steps) {
            clock.advance(waitMs);
            const name = `k${key % 3}`;
            const cost = Math.min(rawCost, capacity);
            const last = model.get(name) ?? { tokens: capacity, at: clock.now() };
            const tokens = Math.min(
              capacity,
              last.tokens + ((clock.now() - last.at) / 1000) * refillPerSecond,
            );
            const decision = limiter.take(name, cost);
            if (tokens + 1e-6 < cost) {
              expect(decision.allowed).toBe(false);
              if (!decision.allowed) {
                expect(decision.retryAfterSeconds).toBe(Math.ceil((cost - tokens) / refillPerSecond - 1e-6));
              }
            } else if (tokens - 1e-6 >= cost) {
              expect(decision.allowed).toBe(true);
            }
            const left = decision.allowed ? Math.max(0, tokens - cost) : tokens;
            model.set(name, { tokens: left, at: clock.now() });
          }
        },
      ),
    );
  });

  it('allows the request once the advertised wait has passed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.array(fc.nat({ max: 3000 }), { minLength: 1, maxLength: 60 }),
        (capacity, refillPerSecond, waits) => {
          const clock = fakeClock();
          const limiter = new RateLimiter({ capacity, refillPerSecond, now: clock.now });
          for (const waitMs of waits) {
            clock.advance(waitMs);
            const decision = limiter.take('k', capacity);
            if (!decision.allowed) {
              expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
              clock.advance(decision.retryAfterSeconds * 1000);
              expect(limiter.take('k', capacity)).toEqual({ allowed: true });
            }
          }
        },
      ),
    );
  });
});
