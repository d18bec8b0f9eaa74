import { Inject, Injectable } from '@nestjs/common';
import { hashToken, looksLikeToken, readBearer, readCookie } from '@spineqc/auth';
import { SESSION_COOKIE } from '@spineqc/contracts';
import type { Database } from '@spineqc/database';
import { DATABASE } from '../tokens.js';
import type { Principal } from './principal.js';

/** What credentials can arrive with: an HTTP request's or a Socket.IO handshake's headers, or its `auth.token`. */
export interface Credentials {
  authorization?: string;
  cookie?: string;
  token?: string;
}

/** Resolves a bearer token or the session cookie to a principal; null when there is none or it is not valid. */
@Injectable()
export class Authenticator {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** The presented token: an explicit one first (bearer, socket auth), then the dashboard's session cookie. */
  private presentedToken(credentials: Credentials): string | null {
    return (
      credentials.token ??
      readBearer(credentials.authorization) ??
      readCookie(credentials.cookie, SESSION_COOKIE)
    );
  }

  async resolve(credentials: Credentials, now = new Date()): Promise<Principal | null> {
    const token = this.presentedToken(credentials);
    // Garbage never reaches the database.
    if (!token || !looksLikeToken(token)) return null;
    const active = await this.db.tokens.findActive(hashToken(token), now);
    if (!active) return null;
    const base = { tokenId: active.id, tokenKind: active.kind, expiresAt: active.expiresAt };
    if (active.account) {
      return {
        ...base,
        kind: 'user',
        id: active.account.id,
        name: active.account.displayName,
        username: active.account.username,
        // A session takes the account's role as it is now, so a demotion applies at once.
        role: active.account.role,
        station: null,
      };
    }
    return {
      ...base,
      kind: 'token',
      id: active.id,
      name: active.name,
      username: null,
      role: active.role,
      station: active.station,
    };
  }
}
