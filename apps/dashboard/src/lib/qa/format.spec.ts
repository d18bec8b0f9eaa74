import { describe, expect, it } from 'vitest';
import { criterionLabel, formatRate, personLabel, ratePercent, stationLabel, viewLabel } from './format';

describe('QA formatting', () => {
  it('writes rates with one decimal and a percent sign', () => {
    expect(formatRate(0.125)).toBe('12.5 %');
    expect(formatRate(0)).toBe('0.0 %');
    expect(formatRate(1)).toBe('100.0 %');
    expect(formatRate(2 / 3)).toBe('66.7 %');
    expect(formatRate(null)).toBe('—');
  });

  it('plots rates as percentages, keeping null as a gap', () => {
    expect(ratePercent(0.0833333)).toBe(8.3);
    expect(ratePercent(null)).toBeNull();
  });

  it('writes DICOM person names as people do', () => {
    expect(personLabel('Okafor^Ada')).toBe('Okafor, Ada');
    expect(personLabel('Chen^Wei^^Dr')).toBe('Chen, Dr Wei');
    expect(personLabel('Smith')).toBe('Smith');
    expect(personLabel('')).toBe('Not named');
  });

  it('names rooms, views and criteria', () => {
    expect(stationLabel('')).toBe('Not named');
    expect(stationLabel('DR-ROOM-1')).toBe('DR-ROOM-1');
    expect(viewLabel('ap')).toBe('AP');
    expect(viewLabel('')).toBe('Unknown view');
    expect(criterionLabel('vertebrae-in-field')).toBe('Seven vertebrae T11–L5 in the field');
    expect(criterionLabel('something-new')).toBe('something-new');
  });
});
