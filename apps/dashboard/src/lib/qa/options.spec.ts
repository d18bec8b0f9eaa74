import { describe, expect, it } from 'vitest';
import { filterOptions } from './options';
import { row } from './stats-fixtures';

describe('filter options', () => {
  const rows = [
    row('2026-11-26', 'Okafor^Ada'),
    row('2026-11-27', 'Chen^Wei'),
    row('2026-11-27', 'Okafor^Ada'),
  ];

  it('lists each key once, by label, without the unnamed key', () => {
    expect(filterOptions([...rows, row('2026-11-27', '')], (k) => k.replace('^', ' '))).toEqual([
      { value: 'Chen^Wei', label: 'Chen Wei' },
      { value: 'Okafor^Ada', label: 'Okafor Ada' },
    ]);
  });

  it('keeps the current choice even when the range has none of it', () => {
    expect(filterOptions(rows, (k) => k, 'Zed^Zoe').map((o) => o.value)).toEqual([
      'Chen^Wei',
      'Okafor^Ada',
      'Zed^Zoe',
    ]);
  });
});
