import { describe, expect, it } from 'vitest';
import { failedFirst, formatMeasured, formatRange, formatValue, passState } from './criterion-format';

describe('formatValue', () => {
  it('shows whole numbers as they are', () => {
    expect(formatValue(9, [7, 7])).toBe('9');
  });

  it('uses as many decimals as the range needs to compare against', () => {
    expect(formatValue(0.5654812761577752, [0.265, 0.365])).toBe('0.565');
    expect(formatValue(0.5232899815142368, [0.4, 0.6])).toBe('0.52');
  });

  it('rounds large values to fewer decimals', () => {
    expect(formatValue(85.3063435546875, [4, null])).toBe('85.3');
    expect(formatValue(143.78, [4, null])).toBe('143.8');
    expect(formatValue(1234.5)).toBe('1235');
  });

  it('writes negative numbers with a real minus sign', () => {
    expect(formatValue(-1.48, [-3, 3])).toBe('−1.5');
  });
});

describe('formatMeasured', () => {
  it('puts the unit after the number', () => {
    expect(formatMeasured({ value: 9, range: [7, 7], unit: 'vertebrae' })).toBe('9 vertebrae');
    expect(formatMeasured({ value: 85.31, range: [4, null], unit: 'cm²' })).toBe('85.3 cm²');
  });

  it('puts DI before the number and leaves a bare count alone', () => {
    expect(formatMeasured({ value: -1.48, range: [-3, 3], unit: 'DI' })).toBe('DI −1.5');
    expect(formatMeasured({ value: 5, range: [3, null], unit: 'count' })).toBe('5');
  });

  it('says so when nothing was measured', () => {
    expect(formatMeasured({ value: null, range: [0, 1], unit: 'area ratio' })).toBe('not measured');
  });
});

describe('formatRange', () => {
  it('shows a closed range with an en dash', () => {
    expect(formatRange({ range: [0.265, 0.365], unit: 'fraction of body width' })).toBe(
      '0.265–0.365 fraction of body width',
    );
    expect(formatRange({ range: [4.5, 5.5], unit: '' })).toBe('4.5–5.5');
  });

  it('shows open ends as ≥ and ≤', () => {
    expect(formatRange({ range: [4, null], unit: 'cm²' })).toBe('≥ 4 cm²');
    expect(formatRange({ range: [null, 5], unit: '°' })).toBe('≤ 5 °');
    expect(formatRange({ range: [3, null], unit: 'count' })).toBe('≥ 3');
  });

  it('shows an exact value once', () => {
    expect(formatRange({ range: [7, 7], unit: 'vertebrae' })).toBe('7 vertebrae');
  });

  it('spells out a range with negative ends', () => {
    expect(formatRange({ range: [-3, 3], unit: 'DI' })).toBe('DI −3 to 3');
  });

  it('shows a range open at both ends as any', () => {
    expect(formatRange({ range: [null, null], unit: 'DI' })).toBe('any');
  });
});

describe('passState', () => {
  it('maps passed to the data-passed attribute values', () => {
    expect(passState(true)).toBe('true');
    expect(passState(false)).toBe('false');
    expect(passState(null)).toBe('unknown');
  });
});

describe('failedFirst', () => {
  it('puts failed criteria first, then unjudged, keeping the rules order within each', () => {
    const criteria = [
      { id: 'a', passed: true },
      { id: 'b', passed: false },
      { id: 'c', passed: null },
      { id: 'd', passed: false },
    ];
    expect(failedFirst(criteria).map((c) => c.id)).toEqual(['b', 'd', 'c', 'a']);
    expect(criteria.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
