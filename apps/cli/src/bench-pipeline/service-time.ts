import { median } from './latency-stats.js';

/**
 * A worker's time per film while it has a backlog: the median gap between its successive verdicts
 * (epoch ms). Under a burst this is everything the worker does per film, timed or not, including
 * work after the verdict is published (display renders, commit) — the figure that bounds throughput.
 */
export function serviceTimes(verdicts: { worker: string; judgedAt: number }[]): Record<string, number> {
  const byWorker = new Map<string, number[]>();
  for (const v of verdicts) byWorker.set(v.worker, [...(byWorker.get(v.worker) ?? []), v.judgedAt]);
  const result: Record<string, number> = {};
  for (const [worker, times] of byWorker) {
    const sorted = times.sort((a, b) => a - b);
    const gap = median(sorted.slice(1).map((t, i) => t - sorted[i]));
    if (gap !== null) result[worker] = gap;
  }
  return result;
}
