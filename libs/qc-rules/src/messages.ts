import { LEVELS, type Level, type PassRange } from '@spineqc/qc-standard';

/** A number with fixed decimals, without a trailing "-0". */
export function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}

/** Signed, as on a DR console ("+4.2", "-3.1"). */
export function signed(x: number, digits = 1): string {
  const s = fixed(x, digits);
  return s.startsWith('-') || Number(s) === 0 ? s : `+${s}`;
}

/** A distance to move a field edge, rounded to 5 mm because positioning is not finer than that. */
export function aboutMm(mm: number): string {
  return `~${Math.max(5, Math.round(mm / 5) * 5)} mm`;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

/** Levels as compact runs in anatomical order: "T11–L3, L5". */
export function levelList(levels: readonly Level[]): string {
  const idx = [...new Set(levels.map((l) => LEVELS.indexOf(l)))].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j] + 1) j++;
    runs.push(j === i ? LEVELS[idx[i]] : `${LEVELS[idx[i]]}–${LEVELS[idx[j]]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** "0.40–0.60", "≥ 3", "≤ 0.21". */
export function rangeText(range: PassRange, digits: number): string {
  const [lo, hi] = range;
  if (hi === Infinity) return `≥ ${fixed(lo, digits)}`;
  if (lo === -Infinity) return `≤ ${fixed(hi, digits)}`;
  return lo === hi ? fixed(lo, digits) : `${fixed(lo, digits)}–${fixed(hi, digits)}`;
}
