/** Enough digits for a fraction (0.07) without pretending precision on counts (5) or areas (38.3). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(value.toFixed(digits)));
}

function withUnit(text: string, unit: string): string {
  return unit ? `${text} ${unit}` : text;
}

/** A signed value for the deviation index (DI +0.3), otherwise the plain number. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return 'not measured';
  if (unit === 'DI') return `DI ${value > 0 ? '+' : ''}${formatNumber(value)}`;
  return withUnit(formatNumber(value), unit);
}

/** The pass range; null is an open end. [7, 7] reads "7", [2, null] "≥ 2", [null, 5] "≤ 5". */
export function formatRange(range: readonly (number | null)[], unit: string): string {
  const [low = null, high = null] = range;
  if (unit === 'DI' && low !== null && high !== null && low === -high) return `DI ±${formatNumber(high)}`;
  let text: string;
  if (low !== null && high !== null)
    text = low === high ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(high)}`;
  else if (low !== null) text = `≥ ${formatNumber(low)}`;
  else if (high !== null) text = `≤ ${formatNumber(high)}`;
  else text = 'any';
  return unit === 'DI' ? `DI ${text}` : withUnit(text, unit);
}

export type OutcomeKind = 'passed' | 'failed' | 'not-judged';

export function outcomeKind(passed: boolean | null): OutcomeKind {
  return passed === null ? 'not-judged' : passed ? 'passed' : 'failed';
}

export const OUTCOME_WORDS: Readonly<Record<OutcomeKind, string>> = {
  passed: 'Passed',
  failed: 'Failed',
  'not-judged': 'Not judged',
};
