import { describe, expect, it } from 'vitest';
import { formatMeasurement, formatPercent, formatRange } from './format.js';

describe('report formatting', () => {
  it('writes pass ranges as a reader expects them', () => {
    expect(formatRange([0.4, 0.6], 'fraction of body width')).toBe('0.4 to 0.6 fraction of body width');
    expect(formatRange([3, Infinity], 'count')).toBe('≥ 3');
    expect(formatRange([-Infinity, 0.21], 'area ratio')).toBe('≤ 0.21 area ratio');
    expect(formatRange([7, 7], 'vertebrae')).toBe('7 vertebrae');
    expect(formatRange([-3, 3], 'DI')).toBe('-3 to 3 DI');
  });

  it('writes values with their unit, rounded, and says when nothing was measured', () => {
    expect(formatMeasurement(6.2634, 'DI')).toBe('6.263 DI');
    expect(formatMeasurement(4, 'count')).toBe('4');
    expect(formatMeasurement(null, 'DI')).toBe('not measured');
    expect(formatPercent(0.125)).toBe('12.5 %');
    expect(formatPercent(null)).toBe('—');
  });
});
