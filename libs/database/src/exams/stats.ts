import { Prisma } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import type { Db } from './prisma-types.js';
import type { StatsGroupBy, StatsQuery, StatsRow } from './types.js';

const PERIODS = new Set(['day', 'week']);

// Fixed SQL per grouping, never built from input. '' stands for "not named", as in the contracts.
const GROUP_KEY: Record<Exclude<StatsGroupBy, 'criterion'>, Prisma.Sql> = {
  technologist: Prisma.sql`coalesce(t.name, '')`,
  station: Prisma.sql`coalesce(s.name, '')`,
  view: Prisma.sql`coalesce(v.view, e.requested_view, '')`,
};

interface CountsRow {
  period: string;
  key: string;
  total: number;
  judged: number;
  qualified: number;
  unqualified: number;
  not_assessable: number;
  failed: number;
}

/**
 * Counts per period and key, oldest period first. One SQL statement whose every output is text or int4, and whose
 * ordering names its collation, so PGlite and PostgreSQL return identical rows.
 */
export async function stats(db: Db, query: StatsQuery): Promise<StatsRow[]> {
  if (!PERIODS.has(query.period)) throw new DatabaseError('BAD_QUERY', `unknown period "${query.period}"`);
  const timeZone = checkTimeZone(query.timeZone ?? 'UTC');
  // received_at is UTC without a zone: read it as UTC, convert to the site's wall clock, then cut days or weeks.
  const periodStart = Prisma.sql`date_trunc(${query.period}, (e.received_at AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})`;
  const rows = await db.$queryRaw<CountsRow[]>`
    WITH base AS (${baseRows(query, periodStart)})
    SELECT to_char(period_start, 'YYYY-MM-DD') AS period,
           key,
           count(*)::int AS total,
           count(*) FILTER (WHERE status = 'judged')::int AS judged,
           count(*) FILTER (WHERE status = 'judged' AND qualified AND NOT not_assessable)::int AS qualified,
           count(*) FILTER (WHERE status = 'judged' AND NOT qualified AND NOT not_assessable)::int AS unqualified,
           count(*) FILTER (WHERE status = 'judged' AND not_assessable)::int AS not_assessable,
           count(*) FILTER (WHERE status = 'failed')::int AS failed
      FROM base
     GROUP BY period_start, key
     ORDER BY period_start, key COLLATE "C"`;
  return rows.map((row) => {
    const assessed = row.qualified + row.unqualified;
    return {
      period: row.period,
      key: row.key,
      total: row.total,
      judged: row.judged,
      qualified: row.qualified,
      unqualified: row.unqualified,
      notAssessable: row.not_assessable,
      failed: row.failed,
      unqualifiedRate: assessed === 0 ? null : row.unqualified / assessed,
    };
  });
}

/** One row per exam (per reported criterion for groupBy 'criterion') with its period, key and outcome. */
function baseRows(query: StatsQuery, periodStart: Prisma.Sql): Prisma.Sql {
  const joins = Prisma.sql`
    LEFT JOIN station s ON s.id = e.station_id
    LEFT JOIN technologist t ON t.id = e.technologist_id`;
  const where = whereClause(query);
  if (query.groupBy === 'criterion') {
    return Prisma.sql`
      SELECT ${periodStart} AS period_start, cr.criterion_id::text AS key, 'judged' AS status,
             cr.passed IS TRUE AS qualified, cr.passed IS NULL AS not_assessable
        FROM exam e
        JOIN verdict v ON v.exam_id = e.id
        JOIN criterion_result cr ON cr.verdict_id = v.id
        ${joins}
       WHERE e.status = 'judged' AND ${where}`;
  }
  const key = GROUP_KEY[query.groupBy];
  if (!key) throw new DatabaseError('BAD_QUERY', `unknown grouping "${String(query.groupBy)}"`);
  return Prisma.sql`
    SELECT ${periodStart} AS period_start, ${key}::text AS key, e.status::text AS status,
           coalesce(v.qualified, false) AS qualified, coalesce(v.not_assessable, false) AS not_assessable
      FROM exam e
      LEFT JOIN verdict v ON v.exam_id = e.id
      ${joins}
     WHERE ${where}`;
}

/** The filter over exam e, station s, technologist t and verdict v: every caller joins those under these aliases. */
export function whereClause(
  query: Pick<StatsQuery, 'from' | 'to' | 'station' | 'technologist' | 'view'>,
): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.from !== undefined) conditions.push(Prisma.sql`e.received_at >= ${query.from}`);
  if (query.to !== undefined) conditions.push(Prisma.sql`e.received_at < ${query.to}`);
  if (query.station !== undefined) conditions.push(Prisma.sql`coalesce(s.name, '') = ${query.station}`);
  if (query.technologist !== undefined) {
    conditions.push(Prisma.sql`coalesce(t.name, '') = ${query.technologist}`);
  }
  if (query.view !== undefined) {
    conditions.push(Prisma.sql`coalesce(v.view, e.requested_view) = ${query.view}`);
  }
  return Prisma.join(conditions, ' AND ');
}

function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new DatabaseError('BAD_QUERY', `unknown time zone "${timeZone}"`);
  }
  return timeZone;
}
