import { describe, expect, it } from 'vitest';
import { paretoChart, rankedRates, rateAxis, rateBand, trendChart, viewBreakdown } from './chart-data';
import { row } from './stats-fixtures';

const same = (key: string) => key;

describe('trend chart', () => {
  it('has one series per room and an overall one, over every period of the range', () => {
    const rows = [
      row('2026-11-25', 'DR-ROOM-2', { qualified: 3, unqualified: 1 }),
      row('2026-11-25', 'DR-ROOM-1', { qualified: 1, unqualified: 1 }),
      row('2026-11-27', 'DR-ROOM-1', { qualified: 0, unqualified: 0, notAssessable: 2 }),
    ];
    const chart = trendChart(rows, ['2026-11-25', '2026-11-26', '2026-11-27'], (k) => `Room ${k}`);
    expect(chart.series).toEqual([
      { name: 'overall', label: 'All rooms' },
      { name: 'k0', label: 'Room DR-ROOM-1' },
      { name: 'k1', label: 'Room DR-ROOM-2' },
    ]);
    expect(chart.data).toEqual([
      { period: '2026-11-25', overall: 33.3, k0: 50, k1: 25 },
      // no exams, and only non-assessable exams: gaps, not 0 %
      { period: '2026-11-26', overall: null, k0: null, k1: null },
      { period: '2026-11-27', overall: null, k0: null, k1: null },
    ]);
  });

  it('has a single series for a single room, and keeps periods the range did not list', () => {
    const chart = trendChart(
      [row('2026-11-30', 'A', { qualified: 9, unqualified: 1 })],
      ['2026-11-29'],
      same,
    );
    expect(chart.series).toEqual([{ name: 'k0', label: 'A' }]);
    expect(chart.data).toEqual([
      { period: '2026-11-29', k0: null },
      { period: '2026-11-30', k0: 10 },
    ]);
  });

  it('is empty without rows', () => {
    expect(trendChart([], ['2026-11-29'], same)).toEqual({ data: [], series: [] });
  });
});

describe('ranked rates', () => {
  it('ranks keys by their rate over all periods, with n, no rate last', () => {
    const rows = [
      row('2026-11-26', 'low', { qualified: 9, unqualified: 1 }),
      row('2026-11-26', 'high', { qualified: 1, unqualified: 1 }),
      row('2026-11-27', 'high', { qualified: 1, unqualified: 3 }),
      row('2026-11-27', 'none', { notAssessable: 4 }),
    ];
    expect(rankedRates(rows, (k) => k.toUpperCase())).toEqual([
      { key: 'high', name: 'HIGH (n=6)', rate: 66.7, n: 6, unqualified: 4 },
      { key: 'low', name: 'LOW (n=10)', rate: 10, n: 10, unqualified: 1 },
      { key: 'none', name: 'NONE (n=0)', rate: null, n: 0, unqualified: 0 },
    ]);
  });
});

describe('Pareto chart', () => {
  it('sorts failures per criterion and accumulates their share', () => {
    const rows = [
      row('2026-11-26', 'exposure', { qualified: 10, unqualified: 1 }),
      row('2026-11-26', 'vertebrae-in-field', { qualified: 2, unqualified: 5 }),
      row('2026-11-27', 'vertebrae-in-field', { qualified: 2, unqualified: 1 }),
      row('2026-11-27', 'scottie-dog', { qualified: 1, unqualified: 2 }),
      row('2026-11-27', 'pelvis-in-field', { qualified: 8 }),
    ];
    expect(paretoChart(rows, (k) => k.toUpperCase())).toEqual([
      { criterion: 'vertebrae-in-field', label: 'VERTEBRAE-IN-FIELD', failures: 6, cumulativePercent: 66.7 },
      { criterion: 'scottie-dog', label: 'SCOTTIE-DOG', failures: 2, cumulativePercent: 88.9 },
      { criterion: 'exposure', label: 'EXPOSURE', failures: 1, cumulativePercent: 100 },
    ]);
  });

  it('is empty when nothing failed', () => {
    expect(paretoChart([row('2026-11-27', 'exposure', { qualified: 3 })], same)).toEqual([]);
  });
});

describe('view breakdown', () => {
  it('counts verdicts per view in the standard order, unknown last', () => {
    const rows = [
      row('2026-11-26', 'oblique', { total: 2, qualified: 1, unqualified: 1 }),
      row('2026-11-26', '', { total: 1, failed: 1 }),
      row('2026-11-26', 'ap', { total: 3, qualified: 1, notAssessable: 2 }),
      row('2026-11-27', 'ap', { total: 1, unqualified: 1 }),
    ];
    expect(viewBreakdown(rows, (k) => k || '?')).toEqual([
      { view: 'ap', label: 'ap', qualified: 1, unqualified: 1, notAssessable: 2, total: 4 },
      { view: 'oblique', label: 'oblique', qualified: 1, unqualified: 1, notAssessable: 0, total: 2 },
      { view: '', label: '?', qualified: 0, unqualified: 0, notAssessable: 0, total: 1 },
    ]);
  });
});

describe('rate band', () => {
  it('places a rate against the TG-151 target and investigation level', () => {
    expect(rateBand(null)).toBe('none');
    expect(rateBand(8)).toBe('withinTarget');
    expect(rateBand(8.1)).toBe('aboveTarget');
    expect(rateBand(10)).toBe('investigate');
    expect(rateBand(57.1)).toBe('investigate');
  });
});

describe('rate axis', () => {
  it('always shows the investigation level, with round ticks', () => {
    expect(rateAxis([])).toEqual({ max: 12, ticks: [0, 2, 4, 6, 8, 10, 12] });
    expect(rateAxis([null, 3])).toEqual({ max: 12, ticks: [0, 2, 4, 6, 8, 10, 12] });
  });

  it('leaves headroom over the highest value and stops at 100 %', () => {
    expect(rateAxis([57.7, null, 20])).toEqual({ max: 70, ticks: [0, 10, 20, 30, 40, 50, 60, 70] });
    expect(rateAxis([25])).toEqual({ max: 30, ticks: [0, 5, 10, 15, 20, 25, 30] });
    expect(rateAxis([100])).toEqual({ max: 100, ticks: [0, 20, 40, 60, 80, 100] });
  });
});
