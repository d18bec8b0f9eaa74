import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffCeilingMs,
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_MAX_MS,
  DEFAULT_MAX_ATTEMPTS,
  nextAttemptDelayMs,
  shouldDeadLetter,
} from './backoff.js';

const attempt = fc.integer({ min: 1, max: 200 });
const schedule = fc
  .tuple(fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 0, max: 10_000_000 }))
  .map(([baseMs, extra]) => ({ baseMs, maxMs: baseMs + extra }));
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('backoff', () => {
  it('has the documented defaults', () => {
    expect([DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_MAX_MS, DEFAULT_MAX_ATTEMPTS]).toEqual([
      5_000, 3_600_000, 30,
    ]);
    expect([1, 2, 3, 4].map((n) => backoffCeilingMs(n))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffCeilingMs(12)).toBe(3_600_000);
  });

  it('doubles the ceiling after each failed attempt until the cap, and never passes the cap', () => {
    fc.assert(
      fc.property(attempt, schedule, (n, options) => {
        const ceiling = backoffCeilingMs(n, options);
        const next = backoffCeilingMs(n + 1, options);
        expect(ceiling).toBeLessThanOrEqual(options.maxMs);
        expect(next).toBe(Math.min(options.maxMs, 2 * ceiling));
        expect(next).toBeGreaterThanOrEqual(ceiling);
      }),
    );
  });

  it('draws the delay with full jitter: anywhere in [0, ceiling]', () => {
    fc.assert(
      fc.property(attempt, schedule, unit, (n, options, r) => {
        const delay = nextAttemptDelayMs(n, { ...options, random: () => r });
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(backoffCeilingMs(n, options));
      }),
    );
    expect(nextAttemptDelayMs(3, { random: () => 0 })).toBe(0);
    expect(nextAttemptDelayMs(3, { random: () => 0.5 })).toBe(10_000);
    expect(nextAttemptDelayMs(30, { random: () => 0.999_999_9 })).toBe(3_600_000);
  });

  it('dead-letters once the bounded number of attempts is spent', () => {
    fc.assert(
      fc.property(attempt, fc.integer({ min: 1, max: 50 }), (n, max) => {
        expect(shouldDeadLetter(n, max)).toBe(n >= max);
      }),
    );
    expect(shouldDeadLetter(DEFAULT_MAX_ATTEMPTS - 1)).toBe(false);
    expect(shouldDeadLetter(DEFAULT_MAX_ATTEMPTS)).toBe(true);
  });

  it('refuses nonsense arguments with INVALID_RETRY_POLICY', () => {
    const invalid = expect.objectContaining({ code: 'INVALID_RETRY_POLICY' });
    expect(() => backoffCeilingMs(0)).toThrow(invalid);
    expect(() => backoffCeilingMs(1.5)).toThrow(invalid);
    expect(() => backoffCeilingMs(1, { baseMs: 0 })).toThrow(invalid);
    expect(() => backoffCeilingMs(1, { baseMs: 1000, maxMs: 999 })).toThrow(invalid);
    expect(() => nextAttemptDelayMs(1, { random: () => Number.NaN })).toThrow(invalid);
    expect(() => shouldDeadLetter(1, 0)).toThrow(invalid);
  });
});
