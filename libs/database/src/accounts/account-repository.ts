import type { PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import { isUuid } from '../exams/uuid.js';
import { checkCreateAccount, normalizeUsername } from './account-input.js';
import { toAccount, toAccountWithSecret } from './mappers.js';
import { isUniqueViolation } from './sql-errors.js';
import type { Account, AccountWithSecret, CreateAccountInput, UpdateAccountInput } from './types.js';
import { accountNotFound, updateAccount } from './update-account.js';

/** People who sign in. Input errors are BAD_QUERY naming the field. */
export interface AccountRepository {
  /** Throws USERNAME_TAKEN when the (lower-cased) username exists. */
  create(input: CreateAccountInput): Promise<Account>;
  /** null for an unknown id. */
  get(id: string): Promise<Account | null>;
  /** With the password hash, for sign-in; matched lower-case; null when no such account. */
  findByUsername(username: string): Promise<AccountWithSecret | null>;
  /** By username. */
  list(): Promise<Account[]>;
  /** Throws NOT_FOUND, or LAST_ADMIN when it would demote or disable the last enabled admin. */
  update(id: string, input: UpdateAccountInput): Promise<Account>;
  /** Throws NOT_FOUND. */
  recordLogin(id: string, at: Date): Promise<void>;
  /** Enabled admins. */
  countAdmins(): Promise<number>;
}

export function createAccountRepository(prisma: PrismaClient): AccountRepository {
  return {
    async create(input) {
      const data = checkCreateAccount(input);
      try {
        return toAccount(await prisma.account.create({ data }));
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DatabaseError('USERNAME_TAKEN', `the username ${data.username} is taken`);
        }
        throw error;
      }
    },
    async get(id) {
      if (!isUuid(id)) return null;
      const row = await prisma.account.findUnique({ where: { id } });
      return row ? toAccount(row) : null;
    },
    async findByUsername(username) {
      const normalized = normalizeUsername(username);
      if (normalized === null) return null;
      const row = await prisma.account.findUnique({ where: { username: normalized } });
      return row ? toAccountWithSecret(row) : null;
    },
    async list() {
      const rows = await prisma.account.findMany();
      // Byte order, the same on every server whatever its collation (usernames are lower-case ASCII).
      return rows
        .map(toAccount)
        .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
    },
    update: (id, input) => updateAccount(prisma, id, input),
    async recordLogin(id, at) {
      if (!isUuid(id)) throw accountNotFound(id);
      const { count } = await prisma.account.updateMany({ where: { id }, data: { lastLoginAt: at } });
      if (count === 0) throw accountNotFound(id);
    },
    countAdmins: () => prisma.account.count({ where: { role: 'admin', disabled: false } }),
  };
}
