import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { decodeCursor, encodeCursor } from '../exams/cursor.js';
import { pageSize } from '../exams/limits.js';
import { summaryInclude, toSummary } from '../exams/mappers.js';
import { whereClause } from '../exams/stats.js';
import { newestFirst, toFeedback } from './mappers.js';
import type { DisputedPage, DisputedQuery } from './types.js';

/**
 * Exams whose latest feedback disagrees with the verdict, newest exam first, paged by (receivedAt, id) like
 * `listExams` so exams disputed between two requests never shift a page.
 */
export async function listDisputed(prisma: PrismaClient, query: DisputedQuery): Promise<DisputedPage> {
  const take = pageSize(query.limit);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const keyset = after
    ? Prisma.sql`(e.received_at, e.id) < (${after.receivedAt}, ${after.id}::uuid)`
    : Prisma.sql`TRUE`;
  const page = await prisma.$queryRaw<{ id: string }[]>`
    WITH latest AS (
      SELECT DISTINCT ON (f.exam_id) f.exam_id, f.agree
        FROM exam_feedback f
       ORDER BY f.exam_id, f.created_at DESC, f.id DESC
    )
    SELECT e.id::text AS id
      FROM exam e
      JOIN latest l ON l.exam_id = e.id AND NOT l.agree
      LEFT JOIN verdict v ON v.exam_id = e.id
      LEFT JOIN station s ON s.id = e.station_id
      LEFT JOIN technologist t ON t.id = e.technologist_id
     WHERE ${whereClause(query)} AND ${keyset}
     ORDER BY e.received_at DESC, e.id DESC
     LIMIT ${take + 1}`;
  const ids = page.slice(0, take).map((row) => row.id);
  const rows = await prisma.exam.findMany({
    where: { id: { in: ids } },
    include: { ...summaryInclude, feedback: { orderBy: newestFirst } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ exam: toSummary(row), feedback: row.feedback.map(toFeedback) }] : [];
  });
  const last = items.at(-1)?.exam;
  const nextCursor = page.length > take && last ? encodeCursor(last) : null;
  return { items, nextCursor };
}
