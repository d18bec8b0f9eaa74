import type { PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';

/** A stored original that retention may delete. */
export interface ImageToPurge {
  examId: string;
  storageKey: string;
}

/**
 * Originals of exams received before `receivedBefore` that are still stored, oldest first. Exams still waiting
 * for their verdict are never offered: their image is needed to judge them.
 */
export async function imagesToPurge(
  prisma: PrismaClient,
  query: { receivedBefore: Date; limit: number },
): Promise<ImageToPurge[]> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > 1000) {
    throw new DatabaseError('BAD_QUERY', 'limit must be an integer from 1 to 1000');
  }
  const rows = await prisma.image.findMany({
    where: {
      purgedAt: null,
      exam: { receivedAt: { lt: query.receivedBefore }, status: { not: 'received' } },
    },
    orderBy: { exam: { receivedAt: 'asc' } },
    take: query.limit,
    select: { examId: true, storageKey: true },
  });
  return rows;
}

/** Marks originals as deleted by retention (idempotent: an already purged image keeps its first date). */
export async function markImagesPurged(prisma: PrismaClient, examIds: string[], now: Date): Promise<number> {
  if (examIds.length === 0) return 0;
  const { count } = await prisma.image.updateMany({
    where: { examId: { in: examIds }, purgedAt: null },
    data: { purgedAt: now },
  });
  return count;
}
