// Calendar days as the API counts them: `/api/stats` cuts periods in UTC, so the page's date range does too.

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 'YYYY-MM-DD' of an instant, in UTC. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar day written 'YYYY-MM-DD' (what `<input type="date">` gives). */
export function isIsoDay(value: string | null | undefined): value is string {
  if (!value || !ISO_DAY.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && utcDay(parsed) === value;
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** The Monday that starts the ISO week of `day`, as PostgreSQL's date_trunc('week') gives it. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * Every period start from the one holding `from` to the one holding `to` (both inclusive days), so a trend shows
 * the days or weeks without exams as gaps instead of hiding them.
 */
export function periodStarts(from: string, to: string, period: 'day' | 'week'): string[] {
  if (!isIsoDay(from) || !isIsoDay(to) || from > to) return [];
  const step = period === 'week' ? 7 : 1;
  const first = period === 'week' ? weekStart(from) : from;
  const starts: string[] = [];
  // A bound on the loop: a range of more than ~5 years is cut rather than drawing thousands of points.
  for (let day = first; day <= to && starts.length < 2000; day = addDays(day, step)) starts.push(day);
  return starts;
}
