import type { Rng } from '../random.js';

/** Weighted choice; weights need not sum to one. */
export function weightedPick<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((s, it) => s + Math.max(0, weight(it)), 0);
  let r = rng.next() * total;
  for (const it of items) {
    r -= Math.max(0, weight(it));
    if (r < 0) return it;
  }
  return items[items.length - 1];
}

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** ± magnitude drawn uniformly from [lo, hi] with a random sign. */
export function signedUniform(rng: Rng, lo: number, hi: number): number {
  return (rng.bool() ? 1 : -1) * rng.uniform(lo, hi);
}
