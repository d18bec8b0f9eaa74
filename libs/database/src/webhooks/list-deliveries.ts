import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../exams/cursor.js';
import { pageSize } from '../exams/limits.js';
import { isUuid } from '../exams/uuid.js';
import { deliveryInclude, newestDeliveriesFirst, toDelivery } from './mappers.js';
import type { DeliveryPage, ListDeliveriesQuery, WebhookDeliveryStatus } from './types.js';

const STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'delivered', 'dead'];
const NO_ROW = '00000000-0000-0000-0000-000000000000';

/** Newest first with their attempts, paged by (createdAt, id) so deliveries queued meanwhile never shift a page. */
export async function listDeliveries(
  prisma: PrismaClient,
  query: ListDeliveriesQuery,
): Promise<DeliveryPage> {
  const take = pageSize(query.limit);
  if (query.status !== undefined && !STATUSES.includes(query.status)) {
    throw new DatabaseError('BAD_QUERY', `status must be one of ${STATUSES.join(', ')}`);
  }
  // The exam cursor's (time, id) form serves any keyset; createdAt stands in for receivedAt.
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const where: Prisma.WebhookDeliveryWhereInput = {
    ...(query.subscriptionId !== undefined && { subscriptionId: uuidOrNone(query.subscriptionId) }),
    ...(query.alertId !== undefined && { alertId: uuidOrNone(query.alertId) }),
    ...(query.examId !== undefined && { examId: uuidOrNone(query.examId) }),
    ...(query.status !== undefined && { status: query.status }),
    ...(after && {
      OR: [{ createdAt: { lt: after.receivedAt } }, { createdAt: after.receivedAt, id: { lt: after.id } }],
    }),
  };
  const rows = await prisma.webhookDelivery.findMany({
    where,
    orderBy: newestDeliveriesFirst,
    take: take + 1,
    include: deliveryInclude,
  });
  const items = rows.slice(0, take).map(toDelivery);
  const last = items.at(-1);
  const nextCursor =
    rows.length > take && last ? encodeCursor({ receivedAt: last.createdAt, id: last.id }) : null;
  return { items, nextCursor };
}

/** One delivery with its attempts; null for an unknown id. */
export async function getDelivery(prisma: PrismaClient, id: string) {
  if (!isUuid(id)) return null;
  const row = await prisma.webhookDelivery.findUnique({ where: { id }, include: deliveryInclude });
  return row ? toDelivery(row) : null;
}

/** An id that is not a UUID matches nothing rather than making PostgreSQL raise. */
function uuidOrNone(id: string): string {
  return isUuid(id) ? id : NO_ROW;
}
