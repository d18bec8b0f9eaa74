// Stats rows for the specs, built the way the API builds them.
import { unqualifiedRate, type StatsRowDto } from './stats-totals';

/** A `/api/stats` row; counts left out are 0 and the rate follows from them. */
export function row(period: string, key: string, counts: Partial<StatsRowDto> = {}): StatsRowDto {
  const base = { total: 0, judged: 0, qualified: 0, unqualified: 0, notAssessable: 0, failed: 0, ...counts };
  return { period, key, ...base, unqualifiedRate: unqualifiedRate(base.qualified, base.unqualified) };
}
