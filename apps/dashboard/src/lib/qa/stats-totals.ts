// Summing `/api/stats` rows (per period and key) into totals, with the unqualified rate the API defines.
import type { Jsonified, StatsRow } from '@spineqc/contracts';

export type StatsRowDto = Jsonified<StatsRow>;

export interface Counts {
  total: number;
  judged: number;
  qualified: number;
  unqualified: number;
  notAssessable: number;
  failed: number;
  /** unqualified / (qualified + unqualified); null when nothing assessable was judged. */
  unqualifiedRate: number | null;
}

/** unqualified / (qualified + unqualified), or null when there is nothing to divide by. */
export function unqualifiedRate(qualified: number, unqualified: number): number | null {
  const assessed = qualified + unqualified;
  return assessed === 0 ? null : unqualified / assessed;
}

/** The counts of several rows together; the rate is recomputed from the sums, never averaged. */
export function sumCounts(rows: readonly StatsRowDto[]): Counts {
  const sums = { total: 0, judged: 0, qualified: 0, unqualified: 0, notAssessable: 0, failed: 0 };
  for (const row of rows) {
    sums.total += row.total;
    sums.judged += row.judged;
    sums.qualified += row.qualified;
    sums.unqualified += row.unqualified;
    sums.notAssessable += row.notAssessable;
    sums.failed += row.failed;
  }
  return { ...sums, unqualifiedRate: unqualifiedRate(sums.qualified, sums.unqualified) };
}

/** Rows grouped by one of their fields, in first-seen order. */
export function groupRows(rows: readonly StatsRowDto[], field: 'key' | 'period'): Map<string, StatsRowDto[]> {
  const groups = new Map<string, StatsRowDto[]>();
  for (const row of rows) {
    const group = groups.get(row[field]);
    if (group) group.push(row);
    else groups.set(row[field], [row]);
  }
  return groups;
}

/** The counts per key over every period. */
export function countsByKey(rows: readonly StatsRowDto[]): Map<string, Counts> {
  return new Map([...groupRows(rows, 'key')].map(([key, group]) => [key, sumCounts(group)]));
}
