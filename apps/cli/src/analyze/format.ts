import type { PassRange, View } from '@spineqc/qc-standard';

export const VIEW_NAMES: Readonly<Record<View, string>> = {
  ap: 'AP',
  lateral: 'lateral',
  oblique: 'oblique',
};

export function formatPercent(fraction: number | null): string {
  return fraction === null ? '—' : `${(fraction * 100).toFixed(1)} %`;
}

/** Units that read better without being spelled out after the number. */
const SILENT_UNITS = new Set(['count', 'fraction', '']);

/** A measured value with its unit, to three significant decimals at most. */
export function formatMeasurement(value: number | null, unit: string): string {
  if (value === null) return 'not measured';
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  return SILENT_UNITS.has(unit) ? text : `${text} ${unit}`;
}

/** A pass range as a reader expects it: "0.4 to 0.6", "≥ 3", "≤ 0.21", "7 vertebrae". */
export function formatRange(range: PassRange, unit: string): string {
  const [min, max] = range;
  const suffix = SILENT_UNITS.has(unit) ? '' : ` ${unit}`;
  if (min === -Infinity && max === Infinity) return 'any';
  if (min === -Infinity) return `≤ ${max}${suffix}`;
  if (max === Infinity) return `≥ ${min}${suffix}`;
  return min === max ? `${min}${suffix}` : `${min} to ${max}${suffix}`;
}
