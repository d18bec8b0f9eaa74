import type { PrismaClient } from '../generated/prisma/client.js';
import { whereClause } from '../exams/stats.js';
import type { AgreementRow, FeedbackFilter } from './types.js';

interface CountsRow {
  key: string;
  feedback: number;
  agree: number;
}

/**
 * Agreement per criterion, criteria in byte order with '' (qualified verdicts) first. Each entry is keyed by every
 * criterion its exam failed, by the criterion a disagreement names, and by '' when the exam was judged qualified;
 * UNION drops the repeat when a disagreement names a criterion the exam failed anyway. All outputs are text or int4
 * and the ordering names its collation, so PGlite and PostgreSQL return identical rows.
 */
export async function agreement(prisma: PrismaClient, filter: FeedbackFilter): Promise<AgreementRow[]> {
  const rows = await prisma.$queryRaw<CountsRow[]>`
    WITH scoped AS (
      SELECT f.id, f.agree, f.criterion_id, v.id AS verdict_id,
             coalesce(v.qualified AND NOT v.not_assessable, false) AS qualified
        FROM exam_feedback f
        JOIN exam e ON e.id = f.exam_id
        LEFT JOIN verdict v ON v.exam_id = e.id
        LEFT JOIN station s ON s.id = e.station_id
        LEFT JOIN technologist t ON t.id = e.technologist_id
       WHERE ${whereClause(filter)}
    ),
    keyed AS (
      SELECT sc.id, sc.agree, cr.criterion_id::text AS key
        FROM scoped sc
        JOIN criterion_result cr ON cr.verdict_id = sc.verdict_id AND cr.passed = false
      UNION
      SELECT sc.id, sc.agree, sc.criterion_id::text AS key
        FROM scoped sc
       WHERE NOT sc.agree AND sc.criterion_id IS NOT NULL
      UNION
      SELECT sc.id, sc.agree, '' AS key
        FROM scoped sc
       WHERE sc.qualified
    )
    SELECT key, count(*)::int AS feedback, count(*) FILTER (WHERE agree)::int AS agree
      FROM keyed
     GROUP BY key
     ORDER BY key COLLATE "C"`;
  return rows.map((row) => ({
    key: row.key,
    feedback: row.feedback,
    agree: row.agree,
    disagree: row.feedback - row.agree,
    agreementRate: row.feedback === 0 ? null : row.agree / row.feedback,
  }));
}
