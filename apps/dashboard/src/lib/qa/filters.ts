// The QA page's filters as they live in the URL, and the API queries they turn into.
import { CRITERION_IDS, VIEWS, type CriterionId, type View } from '@spineqc/qc-standard';
import type { ExamListFilter, StatsFilter } from '@/lib/api-client';
import type { StatsGroupBy } from '@spineqc/contracts';
import { addDays, isIsoDay } from './dates';

export type Period = 'day' | 'week';
export type QualifiedFilter = '' | 'true' | 'false';

/** Every value is a string ('' = any) so it maps one to one onto the query string and the form controls. */
export interface QaFilters {
  /** First day, inclusive, 'YYYY-MM-DD' (UTC, as the API counts days). */
  from: string;
  /** Last day, inclusive. */
  to: string;
  station: string;
  technologist: string;
  view: View | '';
  criterion: CriterionId | '';
  period: Period;
  /** Narrows the exam table and the export only: the charts need both verdicts to compute rates. */
  qualified: QualifiedFilter;
}

export const DEFAULT_RANGE_DAYS = 30;
export const FILTER_KEYS = [
  'from',
  'to',
  'station',
  'technologist',
  'view',
  'criterion',
  'period',
  'qualified',
] as const satisfies readonly (keyof QaFilters)[];

export function defaultFilters(today: string): QaFilters {
  return {
    from: addDays(today, -(DEFAULT_RANGE_DAYS - 1)),
    to: today,
    station: '',
    technologist: '',
    view: '',
    criterion: '',
    period: 'day',
    qualified: '',
  };
}

interface ReadableParams {
  get(name: string): string | null;
}

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | '' =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';

/** The filters a URL names; anything missing or malformed falls back to the default (last 30 days, everything). */
export function parseFilters(params: ReadableParams, today: string): QaFilters {
  const defaults = defaultFilters(today);
  let from = isIsoDay(params.get('from')) ? params.get('from')! : defaults.from;
  let to = isIsoDay(params.get('to')) ? params.get('to')! : defaults.to;
  if (from > to) [from, to] = [to, from];
  return {
    from,
    to,
    station: params.get('station')?.trim() ?? '',
    technologist: params.get('technologist')?.trim() ?? '',
    view: oneOf(VIEWS, params.get('view')),
    criterion: oneOf(CRITERION_IDS, params.get('criterion')),
    period: params.get('period') === 'week' ? 'week' : 'day',
    qualified: oneOf(['true', 'false'] as const, params.get('qualified')),
  };
}

/** The query string for a set of filters: the date range always (a shared link keeps its dates), the rest when set. */
export function filtersToSearch(filters: QaFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === '' || (key === 'period' && value === 'day')) continue;
    params.set(key, value);
  }
  return params.toString();
}

/** The API's range: `from` inclusive at 00:00 UTC, `to` exclusive, so the day after the last day. */
export function apiRange(filters: Pick<QaFilters, 'from' | 'to'>): { from: string; to: string } {
  return { from: filters.from, to: addDays(filters.to, 1) };
}

const orUndefined = <T extends string>(value: T | ''): T | undefined => (value === '' ? undefined : value);

/** `/api/stats` with every filter it knows (it has no criterion filter: a criterion narrows the exam list). */
export function statsQuery(filters: QaFilters, groupBy: StatsGroupBy): StatsFilter {
  return {
    ...apiRange(filters),
    period: filters.period,
    groupBy,
    station: orUndefined(filters.station),
    technologist: orUndefined(filters.technologist),
    view: orUndefined(filters.view),
  };
}

/** `/api/stats` over the date range alone: the choices a filter offers must not shrink to the current choice. */
export function optionsQuery(filters: QaFilters, groupBy: StatsGroupBy): StatsFilter {
  return { ...apiRange(filters), period: filters.period, groupBy };
}

/** `/api/feedback/agreement` takes the range and the station, technologist and view. */
export function agreementQuery(filters: QaFilters): Record<string, string | undefined> {
  return {
    ...apiRange(filters),
    station: orUndefined(filters.station),
    technologist: orUndefined(filters.technologist),
    view: orUndefined(filters.view),
  };
}

/** `/api/exams` with every filter, the criterion and the verdict included. */
export function examsQuery(filters: QaFilters): ExamListFilter {
  return {
    ...apiRange(filters),
    station: orUndefined(filters.station),
    technologist: orUndefined(filters.technologist),
    view: orUndefined(filters.view),
    criterion: orUndefined(filters.criterion),
    qualified: filters.qualified === '' ? undefined : filters.qualified === 'true',
  };
}
