import { describe, expect, it } from 'vitest';
import { serviceTimes } from './service-time.js';

describe('serviceTimes', () => {
  it('is the median gap between successive verdicts of each worker, in time order', () => {
    const verdicts = [
      { worker: 'a', judgedAt: 1300 },
      { worker: 'a', judgedAt: 1000 },
      { worker: 'b', judgedAt: 1050 },
      { worker: 'a', judgedAt: 1100 },
      { worker: 'a', judgedAt: 1400 },
      { worker: 'b', judgedAt: 1450 },
    ];
    // a: gaps 100, 200, 100 → 100; b: one gap of 400.
    expect(serviceTimes(verdicts)).toEqual({ a: 100, b: 400 });
  });

  it('leaves out a worker with a single verdict (no gap to measure)', () => {
    expect(serviceTimes([{ worker: 'a', judgedAt: 5 }])).toEqual({});
  });
});
