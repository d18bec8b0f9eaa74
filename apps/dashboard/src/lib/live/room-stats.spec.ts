import { describe, expect, it } from 'vitest';
import { countsByStation, formatRate, localMidnight, stationNames, tg151Level } from './room-stats';

const row = (key: string, qualified: number, unqualified: number, extra = 0) => ({
  key,
  total: qualified + unqualified + extra,
  qualified,
  unqualified,
  notAssessable: extra,
  failed: 0,
  unqualifiedRate: qualified + unqualified ? unqualified / (qualified + unqualified) : null,
});

describe('countsByStation', () => {
  it('sums the periods of each station and recomputes the rate as the API defines it', () => {
    const counts = countsByStation([
      row('DR-ROOM-1', 6, 2),
      row('DR-ROOM-1', 3, 1, 1),
      row('DR-ROOM-2', 4, 0),
    ]);
    expect(counts.get('DR-ROOM-1')).toEqual({
      total: 13,
      qualified: 9,
      unqualified: 3,
      notAssessable: 1,
      failed: 0,
      unqualifiedRate: 0.25,
    });
    expect(counts.get('DR-ROOM-2')?.unqualifiedRate).toBe(0);
  });

  it('has no rate for a room with nothing assessable', () => {
    expect(countsByStation([row('DR-ROOM-3', 0, 0, 2)]).get('DR-ROOM-3')?.unqualifiedRate).toBeNull();
  });
});

describe('stationNames', () => {
  it('lists each named station once, sorted, leaving out exams without a station', () => {
    expect(
      stationNames([{ key: 'DR-ROOM-2' }, { key: '' }, { key: 'DR-ROOM-1' }, { key: 'DR-ROOM-2' }]),
    ).toEqual(['DR-ROOM-1', 'DR-ROOM-2']);
  });
});

describe('tg151Level', () => {
  it('reads the rate against the 8 % target and the 10 % investigation level', () => {
    expect(tg151Level(null)).toBe('no-data');
    expect(tg151Level(0.08)).toBe('within-target');
    expect(tg151Level(0.09)).toBe('above-target');
    expect(tg151Level(0.1)).toBe('above-target');
    expect(tg151Level(0.1001)).toBe('investigate');
  });
});

describe('formatRate', () => {
  it('shows percentages, with a decimal below 10 %', () => {
    expect(formatRate(0.5714)).toBe('57 %');
    expect(formatRate(0.0833)).toBe('8.3 %');
    expect(formatRate(0)).toBe('0 %');
  });
});

describe('localMidnight', () => {
  it('is the start of the local day, days back', () => {
    const now = new Date(2026, 10, 27, 15, 30);
    expect(new Date(localMidnight(now)).getTime()).toBe(new Date(2026, 10, 27).getTime());
    expect(new Date(localMidnight(now, 30)).getTime()).toBe(new Date(2026, 9, 28).getTime());
  });
});
