import { describe, expect, it } from 'vitest';
import { formatNumber, formatRange, formatValue, outcomeKind } from './criterion-format';

describe('formatNumber', () => {
  it('keeps integers and rounds fractions sensibly', () => {
    expect(formatNumber(5)).toBe('5');
    expect(formatNumber(0.07076612903225807)).toBe('0.071');
    expect(formatNumber(38.26387593659943)).toBe('38.3');
    expect(formatNumber(1.005)).toBe('1');
    expect(formatNumber(123.6)).toBe('124');
  });
});

describe('formatValue', () => {
  it('adds the unit', () => {
    expect(formatValue(5, 'vertebrae')).toBe('5 vertebrae');
    expect(formatValue(38.26, 'cm²')).toBe('38.3 cm²');
  });
  it('signs the deviation index', () => {
    expect(formatValue(0.28, 'DI')).toBe('DI +0.28');
    expect(formatValue(-3.5, 'DI')).toBe('DI -3.5');
  });
  it('says when nothing was measured', () => {
    expect(formatValue(null, 'count')).toBe('not measured');
  });
});

describe('formatRange', () => {
  it('reads closed, exact and open ranges', () => {
    expect(formatRange([7, 7], 'vertebrae')).toBe('7 vertebrae');
    expect(formatRange([0, 0.21], 'area ratio')).toBe('0–0.21 area ratio');
    expect(formatRange([2, null], 'cm²')).toBe('≥ 2 cm²');
    expect(formatRange([null, 5], 'count')).toBe('≤ 5 count');
    expect(formatRange([null, null], '')).toBe('any');
    expect(formatRange([-3, 3], 'DI')).toBe('DI ±3');
    expect(formatRange([-1, 2], 'DI')).toBe('DI -1–2');
  });
});

describe('outcomeKind', () => {
  it('has three outcomes', () => {
    expect([true, false, null].map(outcomeKind)).toEqual(['passed', 'failed', 'not-judged']);
  });
});
