// Today's numbers per room for the home page, from `/api/stats?groupBy=station`, and their TG-151 reading.
import type { StatsRow } from '@spineqc/contracts';

export interface RoomCounts {
  total: number;
  qualified: number;
  unqualified: number;
  notAssessable: number;
  failed: number;
  /** unqualified / (qualified + unqualified), as the API computes it; null when nothing assessable was judged. */
  unqualifiedRate: number | null;
}

const EMPTY: RoomCounts = {
  total: 0,
  qualified: 0,
  unqualified: 0,
  notAssessable: 0,
  failed: 0,
  unqualifiedRate: null,
};

/** Sums the rows of each station: "today" from local midnight can span two of the API's (UTC) day periods. */
export function countsByStation(
  rows: readonly Pick<StatsRow, keyof RoomCounts | 'key'>[],
): Map<string, RoomCounts> {
  const byStation = new Map<string, RoomCounts>();
  for (const row of rows) {
    const sum = byStation.get(row.key) ?? EMPTY;
    const qualified = sum.qualified + row.qualified;
    const unqualified = sum.unqualified + row.unqualified;
    byStation.set(row.key, {
      total: sum.total + row.total,
      qualified,
      unqualified,
      notAssessable: sum.notAssessable + row.notAssessable,
      failed: sum.failed + row.failed,
      unqualifiedRate: qualified + unqualified > 0 ? unqualified / (qualified + unqualified) : null,
    });
  }
  return byStation;
}

/** Named rooms, in name order: exams sent without a StationName (key '') have no tablet to open. */
export function stationNames(rows: readonly Pick<StatsRow, 'key'>[]): string[] {
  return [...new Set(rows.map((row) => row.key).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

/** AAPM TG-151: aim for a reject rate ≤ 8 %; above 10 % calls for an investigation. */
export const TG151_TARGET = 0.08;
export const TG151_INVESTIGATE = 0.1;

export type Tg151Level = 'within-target' | 'above-target' | 'investigate' | 'no-data';

export function tg151Level(rate: number | null): Tg151Level {
  if (rate === null) return 'no-data';
  if (rate > TG151_INVESTIGATE) return 'investigate';
  if (rate > TG151_TARGET) return 'above-target';
  return 'within-target';
}

/** "12 %" (one decimal below 10 %: "8.3 %"). */
export function formatRate(rate: number): string {
  const percent = rate * 100;
  return `${percent < 10 && !Number.isInteger(percent) ? percent.toFixed(1) : Math.round(percent)} %`;
}

/** Local midnight today, and the same instant `days` days earlier, as ISO strings for `from=`. */
export function localMidnight(now: Date, daysBack = 0): string {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysBack);
  return midnight.toISOString();
}
