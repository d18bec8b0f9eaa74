import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import type { AlertPeriodCounts, AlertSubjectFilter } from './types.js';

/** At most this many unqualified exam ids come back (the newest); the counts are always exact. */
export const MAX_PERIOD_EXAM_IDS = 200;

interface CountsRow {
  assessable: number;
  unqualified: number;
  newest_unqualified: string[] | null;
}

/**
 * One room's or technologist's judged exams received strictly after `since`, as the unqualified-rate rule counts
 * them: one aggregate statement over the (subject, received_at) index, whatever the period holds.
 */
export async function periodCounts(
  prisma: PrismaClient,
  subject: AlertSubjectFilter,
  since: Date,
): Promise<AlertPeriodCounts> {
  const { column, name } = subjectColumn(subject);
  if (!(since instanceof Date) || Number.isNaN(since.getTime())) {
    throw new DatabaseError('BAD_QUERY', 'since must be a valid date');
  }
  const unqualified = Prisma.sql`NOT v.not_assessable AND NOT v.qualified`;
  const [row] = await prisma.$queryRaw<CountsRow[]>`
    SELECT count(*) FILTER (WHERE NOT v.not_assessable)::int AS assessable,
           count(*) FILTER (WHERE ${unqualified})::int AS unqualified,
           (array_agg(e.id::text ORDER BY e.received_at DESC, e.id DESC) FILTER (WHERE ${unqualified}))
             [1:${Prisma.raw(String(MAX_PERIOD_EXAM_IDS))}] AS newest_unqualified
      FROM exam e
      JOIN verdict v ON v.exam_id = e.id
     WHERE ${column} = ${name}
       AND e.status = 'judged'
       AND e.received_at > ${since}`;
  return {
    assessable: row?.assessable ?? 0,
    unqualified: row?.unqualified ?? 0,
    unqualifiedExamIds: [...(row?.newest_unqualified ?? [])].reverse(),
  };
}

/** The exam column that names the subject, compared with the subject's id (fixed SQL, never built from input). */
function subjectColumn(subject: AlertSubjectFilter): { column: Prisma.Sql; name: Prisma.Sql } {
  const station = 'station' in subject ? subject.station : undefined;
  const technologist = 'technologist' in subject ? subject.technologist : undefined;
  if ((station === undefined) === (technologist === undefined)) {
    throw new DatabaseError('BAD_QUERY', 'name exactly one of station and technologist');
  }
  const name = (station ?? technologist ?? '').trim();
  if (name === '') throw new DatabaseError('BAD_QUERY', 'an unnamed station or technologist has no period');
  return station !== undefined
    ? { column: Prisma.sql`e.station_id`, name: Prisma.sql`(SELECT id FROM station WHERE name = ${name})` }
    : {
        column: Prisma.sql`e.technologist_id`,
        name: Prisma.sql`(SELECT id FROM technologist WHERE name = ${name})`,
      };
}
