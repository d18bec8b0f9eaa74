import { Inject, Injectable } from '@nestjs/common';
import { dummyHash, hashPassword, mintToken, needsRehash, tokenKind, verifyPassword } from '@spineqc/auth';
import type { SpineqcConfig } from '@spineqc/config';
import type { Database } from '@spineqc/database';
import { ApiError } from '../errors/api-error.js';
import { CONFIG, DATABASE } from '../tokens.js';
import type { Principal } from './principal.js';

const HOUR_MS = 3_600_000;
/** Browsers cap cookie lifetimes at 400 days; a paired tablet stays paired until its token is revoked. */
const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 3600;

export interface SignIn {
  /** The value the session cookie carries. */
  cookieToken: string;
  maxAgeSeconds: number;
}

/** Sign-in, sign-out and password changes; tokens are minted here and only their hashes stored. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: SpineqcConfig,
  ) {}

  /** A person's sign-in: a new session token, or null for a wrong name/password or a disabled account. */
  async signInWithPassword(username: string, password: string, now = new Date()): Promise<SignIn | null> {
    const account = await this.db.accounts.findByUsername(username);
    // An unknown name costs the same hashing time as a known one, so timing does not reveal which names exist.
    const valid = await verifyPassword(account?.passwordHash ?? (await dummyHash()), password);
    if (!account || !valid || account.disabled) return null;
    if (needsRehash(account.passwordHash)) {
      await this.db.accounts.update(account.id, { passwordHash: await hashPassword(password) });
    }
    const minted = mintToken('session');
    const hours = this.config.auth.sessionHours;
    await this.db.tokens.create({
      kind: 'session',
      tokenHash: minted.hash,
      prefix: minted.prefix,
      name: 'dashboard sign-in',
      role: account.role,
      accountId: account.id,
      createdBy: account.username,
      expiresAt: new Date(now.getTime() + hours * HOUR_MS),
    });
    await this.db.accounts.recordLogin(account.id, now);
    return { cookieToken: minted.token, maxAgeSeconds: hours * 3600 };
  }

  /**
   * A room tablet pairing: the device token itself becomes its cookie (revoking the token unpairs it at once). Only
   * its form is checked here; the caller resolves it like any credential, which also proves it is live.
   */
  deviceSignIn(token: string): SignIn | null {
    return tokenKind(token) === 'device'
      ? { cookieToken: token, maxAgeSeconds: DEVICE_COOKIE_MAX_AGE_S }
      : null;
  }

  /** Ends a dashboard session; API and device tokens are revoked by an administrator, not by signing out. */
  async signOut(principal: Principal, now = new Date()) {
    if (principal.tokenKind === 'session') await this.db.tokens.revoke(principal.tokenId, now);
  }

  /** Changes one's own password and ends every other session of the account. */
  async changePassword(principal: Principal, current: string, next: string, now = new Date()) {
    if (principal.kind !== 'user' || !principal.username) {
      throw new ApiError('FORBIDDEN', 'only a signed-in person has a password');
    }
    const account = await this.db.accounts.findByUsername(principal.username);
    if (!account || !(await verifyPassword(account.passwordHash, current))) {
      throw new ApiError('FORBIDDEN', 'the current password is wrong');
    }
    await this.db.accounts.update(account.id, { passwordHash: await hashPassword(next) });
    await this.db.tokens.revokeForAccount(account.id, now, { exceptTokenId: principal.tokenId });
  }
}
