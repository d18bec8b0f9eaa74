import type { PrismaClient } from '../generated/prisma/client.js';
import { isUuid } from '../exams/uuid.js';
import { findActiveToken } from './find-active-token.js';
import { newestTokensFirst, toToken } from './mappers.js';
import { isForeignKeyViolation } from './sql-errors.js';
import { checkCreateToken } from './token-input.js';
import type {
  ActiveToken,
  CreateTokenInput,
  ListTokensQuery,
  RevokeForAccountOptions,
  TokenRecord,
} from './types.js';
import { accountNotFound } from './update-account.js';

/** Bearer tokens, kept as SHA-256 hashes only. Input errors are BAD_QUERY naming the field. */
export interface TokenRepository {
  /** Throws NOT_FOUND for an unknown `accountId`. */
  create(input: CreateTokenInput): Promise<TokenRecord>;
  /**
   * The token if it may be used at `now` (not revoked, not expired, its account not disabled), else null. A session
   * carries its account's current role. Records the use at most once a minute.
   */
  findActive(tokenHash: string, now: Date): Promise<ActiveToken | null>;
  /** Newest first, revoked and expired ones included. */
  list(query?: ListTokensQuery): Promise<TokenRecord[]>;
  /** null for an unknown id; revoking again keeps the first revocation time. */
  revoke(id: string, at: Date): Promise<TokenRecord | null>;
  /** Revokes every token of the account not yet revoked (but `exceptTokenId`); how many it revoked. */
  revokeForAccount(accountId: string, at: Date, options?: RevokeForAccountOptions): Promise<number>;
  /** Deletes sessions that expired or were revoked before `before`; API and device tokens stay for the record. */
  deleteExpired(before: Date): Promise<number>;
}

export function createTokenRepository(prisma: PrismaClient): TokenRepository {
  return {
    async create(input) {
      const data = checkCreateToken(input);
      try {
        return toToken(await prisma.authToken.create({ data }));
      } catch (error) {
        if (data.accountId !== null && isForeignKeyViolation(error)) throw accountNotFound(data.accountId);
        throw error;
      }
    },
    findActive: (tokenHash, now) => findActiveToken(prisma, tokenHash, now),
    async list(query = {}) {
      const rows = await prisma.authToken.findMany({
        where: query.kinds === undefined ? {} : { kind: { in: [...query.kinds] } },
        orderBy: newestTokensFirst,
      });
      return rows.map(toToken);
    },
    async revoke(id, at) {
      if (!isUuid(id)) return null;
      await prisma.authToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
      const row = await prisma.authToken.findUnique({ where: { id } });
      return row ? toToken(row) : null;
    },
    async revokeForAccount(accountId, at, options = {}) {
      if (!isUuid(accountId)) return 0;
      const except = options.exceptTokenId;
      const { count } = await prisma.authToken.updateMany({
        where: {
          accountId,
          revokedAt: null,
          ...(except !== undefined && isUuid(except) && { id: { not: except } }),
        },
        data: { revokedAt: at },
      });
      return count;
    },
    async deleteExpired(before) {
      const { count } = await prisma.authToken.deleteMany({
        where: { kind: 'session', OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] },
      });
      return count;
    },
  };
}
