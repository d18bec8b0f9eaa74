import type { PrismaClient } from '../generated/prisma/client.js';
import { toToken } from './mappers.js';
import { isTokenHash } from './token-input.js';
import type { ActiveToken } from './types.js';

/** last_used_at is a hint for operators: writing it on every request would turn every read into a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The token with this hash if it may be used at `now`: not revoked, not expired, and its account (if any) not
 * disabled. Records the use when the last recorded one is at least a minute old.
 */
export async function findActiveToken(
  prisma: PrismaClient,
  tokenHash: string,
  now: Date,
): Promise<ActiveToken | null> {
  if (!isTokenHash(tokenHash)) return null;
  const row = await prisma.authToken.findUnique({
    where: { tokenHash },
    include: {
      account: { select: { id: true, username: true, displayName: true, role: true, disabled: true } },
    },
  });
  if (!row || row.revokedAt !== null) return null;
  if (row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.account?.disabled) return null;
  const lastUsedAt = (await touch(prisma, row.id, row.lastUsedAt, now)) ? now : row.lastUsedAt;
  const account = row.account
    ? {
        id: row.account.id,
        username: row.account.username,
        displayName: row.account.displayName,
        role: row.account.role,
      }
    : null;
  const role = row.kind === 'session' && account ? account.role : row.role;
  return { ...toToken(row), role, lastUsedAt, account };
}

/** One conditional UPDATE, skipped entirely while the recorded use is recent; true when it wrote. */
async function touch(prisma: PrismaClient, id: string, lastUsedAt: Date | null, now: Date): Promise<boolean> {
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (lastUsedAt !== null && lastUsedAt.getTime() > stale.getTime()) return false;
  // Repeating the condition in SQL keeps concurrent requests from each writing, and time from going backwards.
  const { count } = await prisma.authToken.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
    data: { lastUsedAt: now },
  });
  return count === 1;
}
