// The choices of the QA filters, taken from the keys `/api/stats` reports for the date range.
import type { StatsRowDto } from './stats-totals';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * One option per key, by label. '' (not named) is left out: the API cannot filter on it. The current choice stays
 * in the list even when the range holds none of it, so a shared link still shows what it filters on.
 */
export function filterOptions(
  rows: readonly StatsRowDto[],
  labelOf: (key: string) => string,
  selected = '',
): SelectOption[] {
  const keys = new Set(rows.map((row) => row.key));
  if (selected !== '') keys.add(selected);
  keys.delete('');
  return [...keys]
    .map((value) => ({ value, label: labelOf(value) }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.value.localeCompare(b.value));
}
