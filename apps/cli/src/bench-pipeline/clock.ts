/**
 * Milliseconds since the epoch with sub-millisecond resolution. The same clock in every thread of
 * this process (performance.now() alone starts at each thread's own origin) and comparable with
 * the servers' ISO timestamps on the same machine.
 */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
