import type { AlertSubjectKind } from './config.js';

const MINUS = '\u2212';

/** "Station DR-ROOM-2" / "Technologist Larsen". */
export function subjectLabel(kind: AlertSubjectKind, subject: string): string {
  return `${kind === 'station' ? 'Station' : 'Technologist'} ${subject}`;
}

/** 0.1432 → "14.3 %"; whole percentages lose the decimal ("10 %"). */
export function percent(fraction: number): string {
  return `${formatNumber(fraction * 100, 1)} %`;
}

/** Signed, typographic minus, at most `decimals` decimals: −3, +3.5, 0. */
export function signed(value: number, decimals = 1): string {
  const text = formatNumber(Math.abs(value), decimals);
  if (text === '0') return '0';
  return `${value < 0 ? MINUS : '+'}${text}`;
}

function formatNumber(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
