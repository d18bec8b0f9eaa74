import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { examWhere } from './exam-filter.js';
import { pageSize } from './limits.js';
import { summaryInclude, toSummary } from './mappers.js';
import type { ExamPage, ListExamsQuery } from './types.js';

/** Newest first. Keyset pagination: exams arriving between two page requests never shift or repeat a page. */
export async function listExams(db: PrismaClient, query: ListExamsQuery): Promise<ExamPage> {
  const take = pageSize(query.limit);
  const where = examWhere(query);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const page: Prisma.ExamWhereInput = after
    ? {
        AND: [
          where,
          {
            OR: [
              { receivedAt: { lt: after.receivedAt } },
              { receivedAt: after.receivedAt, id: { lt: after.id } },
            ],
          },
        ],
      }
    : where;
  // One snapshot for the page and its total: a verdict landing between two separate reads made `total`
  // count an exam the page did not show yet.
  const [rows, total] = await db.$transaction(
    [
      db.exam.findMany({
        where: page,
        orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
        take: take + 1,
        include: summaryInclude,
      }),
      db.exam.count({ where }),
    ],
    { isolationLevel: 'RepeatableRead' },
  );
  const items = rows.slice(0, take).map(toSummary);
  const last = items.at(-1);
  const nextCursor = rows.length > take && last ? encodeCursor(last) : null;
  return { items, nextCursor, total };
}
