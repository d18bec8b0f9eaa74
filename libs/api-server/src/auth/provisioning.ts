import { hashPassword, mintToken } from '@spineqc/auth';
import type { CreateTokenRequest, UserRole } from '@spineqc/contracts';
import type { Account, Database, TokenRecord } from '@spineqc/database';

const DAY_MS = 86_400_000;

export interface NewAccount {
  username: string;
  displayName: string;
  role: UserRole;
  password: string;
}

/** Creates an account with its password hashed (the API's admin routes and `spineqc admin` both use this). */
export async function provisionAccount(db: Database, input: NewAccount): Promise<Account> {
  return db.accounts.create({
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
}

/** Mints an API token or a tablet's pairing token; only its hash is stored, the token is returned once. */
export async function provisionToken(
  db: Database,
  input: CreateTokenRequest,
  createdBy: string,
  now = new Date(),
): Promise<{ record: TokenRecord; token: string }> {
  const kind = input.role === 'device' ? 'device' : 'api';
  const minted = mintToken(kind);
  const record = await db.tokens.create({
    kind,
    tokenHash: minted.hash,
    prefix: minted.prefix,
    name: input.name,
    role: input.role,
    station: input.role === 'device' ? input.station : null,
    createdBy,
    expiresAt:
      input.role !== 'device' && input.expiresInDays
        ? new Date(now.getTime() + input.expiresInDays * DAY_MS)
        : null,
  });
  return { record, token: minted.token };
}
