import { describe, expect, it } from 'vitest';
import { formatAgo, formatClock, personName, viewName } from './display';

describe('formatAgo', () => {
  const taken = '2026-11-27T09:00:00.000Z';
  const at = (seconds: number) => Date.parse(taken) + seconds * 1000;

  it('counts seconds, minutes, hours and days', () => {
    expect(formatAgo(taken, at(2))).toBe('just now');
    expect(formatAgo(taken, at(12))).toBe('12 s ago');
    expect(formatAgo(taken, at(4 * 60 + 10))).toBe('4 min ago');
    expect(formatAgo(taken, at(2 * 3600 + 5))).toBe('2 h ago');
    expect(formatAgo(taken, at(30 * 3600))).toBe('yesterday');
    expect(formatAgo(taken, at(72 * 3600))).toBe('3 days ago');
  });

  it('treats a clock slightly behind the server as just now', () => {
    expect(formatAgo(taken, at(-3))).toBe('just now');
  });
});

describe('formatClock', () => {
  it('pads hours, minutes and seconds', () => {
    const date = new Date(2026, 10, 27, 7, 5, 9);
    expect(formatClock(date)).toBe('07:05');
    expect(formatClock(date.getTime(), true)).toBe('07:05:09');
  });
});

describe('personName', () => {
  it('turns a DICOM person name into given-name-first order', () => {
    expect(personName('Chen^Wei')).toBe('Wei Chen');
    expect(personName('Okafor^Ada^^Dr')).toBe('Dr Ada Okafor');
    expect(personName('Technologist 4')).toBe('Technologist 4');
    expect(personName('')).toBe('');
  });
});

describe('viewName', () => {
  it('names the views as radiographers say them', () => {
    expect(viewName('ap')).toBe('AP');
    expect(viewName('lateral')).toBe('Lateral');
    expect(viewName(null)).toBe('view not known yet');
  });
});
