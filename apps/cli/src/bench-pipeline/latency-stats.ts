/** p50 / p95 / max of a set of latencies, by the nearest-rank method (no interpolation between samples). */
export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function latencyStats(values: readonly number[]): LatencyStats | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: nearestRank(sorted, 0.5),
    p95: nearestRank(sorted, 0.95),
    max: sorted[sorted.length - 1],
  };
}

/** The smallest sample with at least fraction `p` of the samples at or below it. */
export function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export function median(values: readonly number[]): number | null {
  return latencyStats(values)?.p50 ?? null;
}
