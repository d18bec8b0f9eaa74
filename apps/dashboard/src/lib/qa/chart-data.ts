// The QA charts' data, shaped from `/api/stats` rows. Rates are plotted as percentages (0–100, one decimal);
// a period or key with nothing assessable has a null rate, which the charts draw as a gap, never as 0 %.
import { VIEWS } from '@spineqc/qc-standard';
import { countsByKey, groupRows, sumCounts, type StatsRowDto } from './stats-totals';
import { ratePercent } from './format';

/** AAPM TG-151: reject (unqualified) rate target and the level that calls for an investigation. */
export const TG151_TARGET_PERCENT = 8;
export const TG151_INVESTIGATE_PERCENT = 10;

export interface RateAxis {
  max: number;
  ticks: number[];
}

/**
 * A percent axis from 0 with round ticks that always reaches past the investigation level (both TG-151 lines stay
 * in view) and leaves headroom over the highest value for its label.
 */
export function rateAxis(values: readonly (number | null)[]): RateAxis {
  const highest = Math.max(TG151_INVESTIGATE_PERCENT + 2, ...values.map((v) => (v === null ? 0 : v * 1.12)));
  const step = [2, 5, 10, 20, 25].find((s) => Math.ceil(highest / s) <= 7) ?? 25;
  const max = Math.min(100, Math.ceil(highest / step) * step);
  const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  if (ticks.at(-1) !== max) ticks.push(max);
  return { max, ticks };
}

export type RateBand = 'none' | 'withinTarget' | 'aboveTarget' | 'investigate';

/** Where a rate (in percent) stands against TG-151: at or under 8 %, over 8 %, or at 10 % and over. */
export function rateBand(percent: number | null): RateBand {
  if (percent === null) return 'none';
  if (percent >= TG151_INVESTIGATE_PERCENT) return 'investigate';
  return percent > TG151_TARGET_PERCENT ? 'aboveTarget' : 'withinTarget';
}

export interface ChartSeriesSpec {
  /** The data key: generated ('k0', 'k1'…) because recharts reads dots in a key as a path. */
  name: string;
  label: string;
}

export type TrendPoint = { period: string } & Record<string, string | number | null>;

export interface TrendChartData {
  data: TrendPoint[];
  series: ChartSeriesSpec[];
}

export const OVERALL_SERIES = 'overall';

/**
 * Unqualified rate per period: one series per key (room), plus an overall series when there are several. Every
 * period of the range is present (`periods`), so quiet days show as gaps in the line.
 */
export function trendChart(
  rows: readonly StatsRowDto[],
  periods: readonly string[],
  labelOf: (key: string) => string,
): TrendChartData {
  const keys = [...groupRows(rows, 'key').keys()].sort();
  if (keys.length === 0) return { data: [], series: [] };
  const series = keys.map((key, i) => ({ name: `k${i}`, label: labelOf(key) }));
  if (keys.length > 1) series.unshift({ name: OVERALL_SERIES, label: 'All rooms' });
  const byPeriod = groupRows(rows, 'period');
  const allPeriods = [...new Set([...periods, ...byPeriod.keys()])].sort();
  const data = allPeriods.map((period) => {
    const periodRows = byPeriod.get(period) ?? [];
    const point: TrendPoint = { period };
    keys.forEach((key, i) => {
      point[`k${i}`] = ratePercent(sumCounts(periodRows.filter((r) => r.key === key)).unqualifiedRate);
    });
    if (keys.length > 1) point[OVERALL_SERIES] = ratePercent(sumCounts(periodRows).unqualifiedRate);
    return point;
  });
  return { data, series };
}

export interface RankedRate {
  key: string;
  /** "Okafor, Ada (n=12)": the name with the number of assessable exams behind the rate. */
  name: string;
  /** Unqualified rate in percent; null when nothing assessable. */
  rate: number | null;
  /** Assessable exams (qualified + unqualified). */
  n: number;
  unqualified: number;
}

/** One bar per key over the whole range, highest rate first; keys with no rate last. */
export function rankedRates(rows: readonly StatsRowDto[], labelOf: (key: string) => string): RankedRate[] {
  return [...countsByKey(rows)]
    .map(([key, counts]) => {
      const n = counts.qualified + counts.unqualified;
      return {
        key,
        name: `${labelOf(key)} (n=${n})`,
        rate: ratePercent(counts.unqualifiedRate),
        n,
        unqualified: counts.unqualified,
      };
    })
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.n - a.n || a.key.localeCompare(b.key));
}

export interface ParetoBar {
  criterion: string;
  label: string;
  failures: number;
  /** Share of all failures up to and including this criterion, in percent. */
  cumulativePercent: number;
}

/**
 * Pareto of failure reasons from groupBy=criterion rows (there `unqualified` counts the exams that failed the
 * criterion): criteria that failed at least once, most failures first, with the running share of all failures.
 */
export function paretoChart(rows: readonly StatsRowDto[], labelOf: (key: string) => string): ParetoBar[] {
  const failures = [...countsByKey(rows)]
    .map(([criterion, counts]) => ({ criterion, failures: counts.unqualified }))
    .filter((c) => c.failures > 0)
    .sort((a, b) => b.failures - a.failures || a.criterion.localeCompare(b.criterion));
  const all = failures.reduce((sum, c) => sum + c.failures, 0);
  let running = 0;
  return failures.map((c) => {
    running += c.failures;
    return { ...c, label: labelOf(c.criterion), cumulativePercent: Math.round((running / all) * 1000) / 10 };
  });
}

export interface ViewBar {
  view: string;
  label: string;
  qualified: number;
  unqualified: number;
  notAssessable: number;
  total: number;
}

/** Verdicts per view from groupBy=view rows, in the standard's view order, an unknown view ('') last. */
export function viewBreakdown(rows: readonly StatsRowDto[], labelOf: (key: string) => string): ViewBar[] {
  const order = (view: string) => {
    const index = (VIEWS as readonly string[]).indexOf(view);
    return index === -1 ? VIEWS.length + (view === '' ? 1 : 0) : index;
  };
  return [...countsByKey(rows)]
    .map(([view, counts]) => ({
      view,
      label: labelOf(view),
      qualified: counts.qualified,
      unqualified: counts.unqualified,
      notAssessable: counts.notAssessable,
      total: counts.total,
    }))
    .sort((a, b) => order(a.view) - order(b.view) || a.view.localeCompare(b.view));
}
