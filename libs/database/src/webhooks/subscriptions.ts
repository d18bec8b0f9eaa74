import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import { isUuid } from '../exams/uuid.js';
import { toSubscription, toSubscriptionWithSecret } from './mappers.js';
import { checkCreate, checkSecret, checkUpdate } from './subscription-input.js';
import type {
  CreateSubscriptionInput,
  UpdateSubscriptionInput,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from './types.js';

export async function createSubscription(
  prisma: PrismaClient,
  input: CreateSubscriptionInput,
): Promise<WebhookSubscriptionWithSecret> {
  const row = await prisma.webhookSubscription.create({ data: checkCreate(input) });
  return toSubscriptionWithSecret(row);
}

/** Oldest first. */
export async function listSubscriptions(prisma: PrismaClient): Promise<WebhookSubscription[]> {
  const rows = await prisma.webhookSubscription.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map(toSubscription);
}

export async function getSubscription(prisma: PrismaClient, id: string): Promise<WebhookSubscription | null> {
  if (!isUuid(id)) return null;
  const row = await prisma.webhookSubscription.findUnique({ where: { id } });
  return row ? toSubscription(row) : null;
}

export async function updateSubscription(
  prisma: PrismaClient,
  id: string,
  input: UpdateSubscriptionInput,
): Promise<WebhookSubscription> {
  const data = checkUpdate(input);
  const row = await orNotFound(id, () => prisma.webhookSubscription.update({ where: { id }, data }));
  return toSubscription(row);
}

/** Its deliveries and their attempts go with it. */
export async function deleteSubscription(prisma: PrismaClient, id: string): Promise<void> {
  await orNotFound(id, () => prisma.webhookSubscription.delete({ where: { id } }));
}

/** Replaces the secret; deliveries not yet sent are signed with the new one. */
export async function rotateSecret(
  prisma: PrismaClient,
  id: string,
  secret: string,
): Promise<WebhookSubscriptionWithSecret> {
  const checked = checkSecret(secret);
  const row = await orNotFound(id, () =>
    prisma.webhookSubscription.update({ where: { id }, data: { secret: checked } }),
  );
  return toSubscriptionWithSecret(row);
}

async function orNotFound<T>(id: string, work: () => Promise<T>): Promise<T> {
  const notFound = new DatabaseError('SUBSCRIPTION_NOT_FOUND', `no webhook subscription ${id}`);
  if (!isUuid(id)) throw notFound;
  try {
    return await work();
  } catch (error) {
    // P2025: the record to update or delete does not exist.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw notFound;
    throw error;
  }
}
