// Opaque bearer tokens: `sqc_<kind>_<43 base64url characters>`. Only their SHA-256 is stored; 256 random bits need
// no salt or slow hash, and a fast hash lets a request find its token by an indexed equality lookup.
import { createHash, randomBytes } from 'node:crypto';
import { AuthError } from './errors.js';

export type TokenKind = 'session' | 'api' | 'device';

export interface MintedToken {
  /** Shown once (or set as a cookie), never stored. */
  token: string;
  /** SHA-256 hex of the whole token: what the database keeps. */
  hash: string;
  /** First characters, kept so an operator can tell tokens apart. */
  prefix: string;
}

const KIND_LETTER: Readonly<Record<TokenKind, string>> = { session: 's', api: 'a', device: 'd' };
const LETTER_KIND: Readonly<Record<string, TokenKind>> = { s: 'session', a: 'api', d: 'device' };
const RANDOM_BYTES = 32;
const PREFIX_LENGTH = 12;
// 32 bytes are 43 base64url characters; the last one carries 4 bits and 2 zero bits, so only 16 letters are canonical.
const TOKEN_PATTERN = /^sqc_([sad])_[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

export function mintToken(kind: TokenKind): MintedToken {
  const token = `sqc_${KIND_LETTER[kind]}_${randomBytes(RANDOM_BYTES).toString('base64url')}`;
  return { token, hash: sha256Hex(token), prefix: token.slice(0, PREFIX_LENGTH) };
}

/** The kind a well-formed token was minted as, or null for anything else (format only: no lookup). */
export function tokenKind(value: string): TokenKind | null {
  const match = TOKEN_PATTERN.exec(value);
  return match ? LETTER_KIND[match[1]] : null;
}

/** A format check only, so garbage is refused before it reaches the database. */
export function looksLikeToken(value: string): boolean {
  return tokenKind(value) !== null;
}

/** The stored form of a token presented by a caller; refuses anything that is not a token. */
export function hashToken(token: string): string {
  if (!looksLikeToken(token)) throw new AuthError('BAD_TOKEN_FORMAT', 'not a SpineQC token');
  return sha256Hex(token);
}

function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
