import type { PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import { isUuid } from '../exams/uuid.js';
import { checkUpdateAccount } from './account-input.js';
import { toAccount } from './mappers.js';
import type { Account, UpdateAccountInput } from './types.js';

/**
 * Applies the change in one transaction. A change that would demote or disable an admin first locks every enabled
 * admin's row, so two admins demoting each other at once cannot both succeed and leave nobody to administer.
 */
export async function updateAccount(
  prisma: PrismaClient,
  id: string,
  input: UpdateAccountInput,
): Promise<Account> {
  const data = checkUpdateAccount(input);
  if (!isUuid(id)) throw accountNotFound(id);
  const removesAdmin = (data.role !== undefined && data.role !== 'admin') || data.disabled === true;
  return prisma.$transaction(async (tx) => {
    if (removesAdmin) {
      // Rows a concurrent transaction demoted are re-checked after its commit and drop out of this list.
      const admins = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text AS id FROM account WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`;
      if (admins.length === 1 && admins[0]?.id === id) {
        throw new DatabaseError('LAST_ADMIN', 'the last enabled administrator cannot be demoted or disabled');
      }
    }
    const current = await tx.account.findUnique({ where: { id } });
    if (!current) throw accountNotFound(id);
    if (Object.keys(data).length === 0) return toAccount(current);
    return toAccount(await tx.account.update({ where: { id }, data }));
  });
}

export function accountNotFound(id: string): DatabaseError {
  return new DatabaseError('NOT_FOUND', `no account ${id}`);
}
