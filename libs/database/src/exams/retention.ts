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
  checkLimit(query.limit);
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

/** Bytes of an input refused at ingest, kept under `rejected/`, that retention may delete. */
export interface RejectedToPurge {
  failureId: string;
  storageKey: string;
}

/** Ingest failures recorded before `createdBefore` whose bytes are still kept, oldest first. */
export async function rejectedToPurge(
  prisma: PrismaClient,
  query: { createdBefore: Date; limit: number },
): Promise<RejectedToPurge[]> {
  checkLimit(query.limit);
  const rows = await prisma.ingestFailure.findMany({
    where: { purgedAt: null, storageKey: { not: null }, createdAt: { lt: query.createdBefore } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: query.limit,
    select: { id: true, storageKey: true },
  });
  return rows.flatMap((row) => (row.storageKey ? [{ failureId: row.id, storageKey: row.storageKey }] : []));
}

/**
 * Marks rejected bytes as deleted by retention; the failure record stays, so nothing received disappears
 * silently. Idempotent: an already purged record keeps its first date.
 */
export async function markRejectedPurged(
  prisma: PrismaClient,
  failureIds: string[],
  now: Date,
): Promise<number> {
  if (failureIds.length === 0) return 0;
  const { count } = await prisma.ingestFailure.updateMany({
    where: { id: { in: failureIds }, purgedAt: null },
    data: { purgedAt: now },
  });
  return count;
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new DatabaseError('BAD_QUERY', 'limit must be an integer from 1 to 1000');
  }
}
