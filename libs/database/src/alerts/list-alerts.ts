import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { decodeCursor, encodeCursor } from '../exams/cursor.js';
import { pageSize } from '../exams/limits.js';
import { newestAlertsFirst, toAlert } from './mappers.js';
import type { AlertPage, ListAlertsQuery } from './types.js';

/** Newest first, paged by (raisedAt, id) so alerts raised between two requests never shift a page. */
export async function listAlerts(prisma: PrismaClient, query: ListAlertsQuery): Promise<AlertPage> {
  const take = pageSize(query.limit);
  // The exam cursor's (time, id) form serves any keyset; raisedAt stands in for receivedAt.
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const where: Prisma.AlertWhereInput = {
    ...(query.subjectKind !== undefined && { subjectKind: query.subjectKind }),
    ...(query.subject !== undefined && { subject: query.subject.trim() }),
    ...(query.ruleKind !== undefined && { ruleKind: query.ruleKind }),
    ...(after && {
      OR: [{ raisedAt: { lt: after.receivedAt } }, { raisedAt: after.receivedAt, id: { lt: after.id } }],
    }),
  };
  const rows = await prisma.alert.findMany({ where, orderBy: newestAlertsFirst, take: take + 1 });
  const items = rows.slice(0, take).map(toAlert);
  const last = items.at(-1);
  const nextCursor =
    rows.length > take && last ? encodeCursor({ receivedAt: last.raisedAt, id: last.id }) : null;
  return { items, nextCursor };
}
