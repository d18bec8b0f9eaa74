import { describe, expect, it } from 'vitest';
import {
  formatMs,
  formatPersonName,
  formatSpacing,
  formatView,
  formatViewSource,
  orderedTimings,
} from './review-format';

describe('review formatting', () => {
  it('writes DICOM person names the usual way', () => {
    expect(formatPersonName('Okafor^Ada')).toBe('Okafor, Ada');
    expect(formatPersonName('Silva')).toBe('Silva');
    expect(formatPersonName('Chen^Wei^J')).toBe('Chen, Wei J');
    expect(formatPersonName('^Ada')).toBe('Ada');
  });

  it('orders timings by pipeline stage with the total last', () => {
    const order = orderedTimings({ rules: 1, total: 9, decode: 2, extra: 3, inference: 4 }).map(([k]) => k);
    expect(order).toEqual(['decode', 'inference', 'rules', 'extra', 'total']);
  });

  it('formats durations, spacing and views', () => {
    expect(formatMs(144.92)).toBe('145 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatSpacing([0.5, 0.5])).toBe('0.500 mm');
    expect(formatSpacing([0.51484375, 0.514121037463977])).toBe('0.515 × 0.514 mm (row × column)');
    expect(formatView('ap')).toBe('AP');
    expect(formatViewSource('dicom')).toBe('from the DICOM ViewPosition');
  });
});
