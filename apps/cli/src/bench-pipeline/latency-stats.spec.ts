import { describe, expect, it } from 'vitest';
import { latencyStats, nearestRank } from './latency-stats.js';

describe('latencyStats', () => {
  it('takes p50 and p95 by nearest rank, and the maximum', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 … 1, unsorted on purpose
    expect(latencyStats(values)).toEqual({ n: 20, p50: 10, p95: 19, max: 20 });
  });

  it('is the only sample for one sample, and null for none', () => {
    expect(latencyStats([42])).toEqual({ n: 1, p50: 42, p95: 42, max: 42 });
    expect(latencyStats([])).toBeNull();
  });

  it('never reaches past the largest sample', () => {
    expect(nearestRank([1, 2, 3], 1)).toBe(3);
    expect(nearestRank([1, 2, 3], 0)).toBe(1);
  });
});
