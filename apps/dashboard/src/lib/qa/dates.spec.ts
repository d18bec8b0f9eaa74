import { describe, expect, it } from 'vitest';
import { addDays, isIsoDay, periodStarts, utcDay, weekStart } from './dates';

describe('dates', () => {
  it('reads the UTC calendar day of an instant', () => {
    expect(utcDay(new Date('2026-11-27T23:59:59.999Z'))).toBe('2026-11-27');
    expect(utcDay(new Date('2026-11-28T00:00:00Z'))).toBe('2026-11-28');
  });

  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-2-1')).toBe(false);
    expect(isIsoDay('')).toBe(false);
    expect(isIsoDay(null)).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-27', -29)).toBe('2026-10-29');
  });

  it('finds the Monday of the week', () => {
    expect(weekStart('2026-11-27')).toBe('2026-11-23'); // a Friday
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // a Sunday
  });

  it('lists every day or week start of a range', () => {
    expect(periodStarts('2026-11-26', '2026-11-28', 'day')).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
    ]);
    expect(periodStarts('2026-11-27', '2026-12-07', 'week')).toEqual([
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
    ]);
    expect(periodStarts('2026-11-28', '2026-11-27', 'day')).toEqual([]);
    expect(periodStarts('nope', '2026-11-27', 'day')).toEqual([]);
  });
});
