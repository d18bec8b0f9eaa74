import { describe, expect, it } from 'vitest';
import { row } from './stats-fixtures';
import { countsByKey, sumCounts, unqualifiedRate } from './stats-totals';

describe('stats totals', () => {
  it('has no rate when nothing assessable was judged', () => {
    expect(unqualifiedRate(0, 0)).toBeNull();
    expect(unqualifiedRate(3, 1)).toBe(0.25);
  });

  it('sums every count and recomputes the rate from the sums', () => {
    const rows = [
      row('2026-11-26', 'DR-ROOM-1', {
        total: 10,
        judged: 9,
        qualified: 1,
        unqualified: 7,
        notAssessable: 1,
        failed: 1,
      }),
      row('2026-11-27', 'DR-ROOM-2', { total: 4, judged: 4, qualified: 3, unqualified: 1 }),
    ];
    expect(sumCounts(rows)).toEqual({
      total: 14,
      judged: 13,
      qualified: 4,
      unqualified: 8,
      notAssessable: 1,
      failed: 1,
      unqualifiedRate: 8 / 12,
    });
  });

  it('is all zeros and no rate for no rows', () => {
    expect(sumCounts([])).toEqual({
      total: 0,
      judged: 0,
      qualified: 0,
      unqualified: 0,
      notAssessable: 0,
      failed: 0,
      unqualifiedRate: null,
    });
  });

  it('sums each key over its periods', () => {
    const byKey = countsByKey([
      row('2026-11-26', 'a', { total: 2, qualified: 2 }),
      row('2026-11-26', 'b', { total: 1, notAssessable: 1 }),
      row('2026-11-27', 'a', { total: 2, unqualified: 2 }),
    ]);
    expect([...byKey.keys()]).toEqual(['a', 'b']);
    expect(byKey.get('a')).toMatchObject({ total: 4, qualified: 2, unqualified: 2, unqualifiedRate: 0.5 });
    expect(byKey.get('b')).toMatchObject({ notAssessable: 1, unqualifiedRate: null });
  });
});
