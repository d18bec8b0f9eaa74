import type { PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import { isUuid } from '../exams/uuid.js';
import { deliveryInclude, toDelivery } from './mappers.js';
import type { WebhookDelivery } from './types.js';

/**
 * Queues a dead or delivered delivery again, due at `now`, with the same id (receivers drop what they already
 * have). Its attempt count starts over so the retry schedule does too; the attempt log keeps every earlier attempt.
 * A pending delivery is refused (DELIVERY_PENDING): a worker may be sending it right now.
 */
export async function redeliver(
  prisma: PrismaClient,
  deliveryId: string,
  now: Date,
): Promise<WebhookDelivery> {
  if (!isUuid(deliveryId)) throw notFound(deliveryId);
  const { count } = await prisma.webhookDelivery.updateMany({
    where: { id: deliveryId, status: { in: ['dead', 'delivered'] } },
    data: { status: 'pending', nextAttemptAt: now, attempts: 0, deliveredAt: null },
  });
  const row = await prisma.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: deliveryInclude,
  });
  if (!row) throw notFound(deliveryId);
  if (count === 0) {
    throw new DatabaseError('DELIVERY_PENDING', `webhook delivery ${deliveryId} is still pending`);
  }
  return toDelivery(row);
}

function notFound(deliveryId: string): DatabaseError {
  return new DatabaseError('DELIVERY_NOT_FOUND', `no webhook delivery ${deliveryId}`);
}
