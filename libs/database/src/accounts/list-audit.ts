import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { decodeCursor, encodeCursor } from '../exams/cursor.js';
import { pageSize } from '../exams/limits.js';
import { checkAction } from './audit-input.js';
import { newestAuditFirst, toAuditEvent } from './mappers.js';
import type { AuditPage, ListAuditQuery } from './types.js';

/** Newest first, paged by (at, id) so events recorded between two requests never shift a page. */
export async function listAudit(prisma: PrismaClient, query: ListAuditQuery): Promise<AuditPage> {
  const take = pageSize(query.limit);
  if (query.action !== undefined) checkAction(query.action);
  // The exam cursor's (time, id) form serves any keyset; `at` stands in for receivedAt.
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const where: Prisma.AuditEventWhereInput = {
    ...(query.action !== undefined && { action: query.action }),
    ...(after && { OR: [{ at: { lt: after.receivedAt } }, { at: after.receivedAt, id: { lt: after.id } }] }),
  };
  const rows = await prisma.auditEvent.findMany({ where, orderBy: newestAuditFirst, take: take + 1 });
  const items = rows.slice(0, take).map(toAuditEvent);
  const last = items.at(-1);
  const nextCursor = rows.length > take && last ? encodeCursor({ receivedAt: last.at, id: last.id }) : null;
  return { items, nextCursor };
}
