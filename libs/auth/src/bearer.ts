// Reading credentials from request headers, and the Set-Cookie values of the dashboard's session cookie.
import { SESSION_COOKIE } from '@spineqc/contracts';
import { AuthError } from './errors.js';

const BEARER = /^bearer[ \t]+(\S+)$/i;

/** The token of an `Authorization: Bearer <token>` header; null when absent, another scheme, or malformed. */
export function readBearer(authorization: string | undefined): string | null {
  if (typeof authorization !== 'string') return null;
  const match = BEARER.exec(authorization.trim());
  return match ? match[1] : null;
}

/**
 * The value of cookie `name` in a `Cookie` header (RFC 6265 §5.4: `a=1; b=2`), or null when absent or empty.
 * Pairs without `=` are skipped rather than rejected, since browsers send whatever other sites on the host set;
 * the first occurrence wins because browsers list the most specific cookie first.
 */
export function readCookie(header: string | undefined, name: string): string | null {
  if (typeof header !== 'string') return null;
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0 || pair.slice(0, equals).trim() !== name) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return value === '' ? null : value;
  }
  return null;
}

// RFC 6265 cookie-octet: printable ASCII except space, DQUOTE, comma, semicolon and backslash.
const COOKIE_VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/;

/** `Set-Cookie` value that signs the dashboard in: out of scripts' reach, never sent by other sites. */
export function sessionCookie(token: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  if (!COOKIE_VALUE.test(token)) throw new AuthError('BAD_COOKIE', 'the token cannot be a cookie value');
  if (!Number.isSafeInteger(options.maxAgeSeconds) || options.maxAgeSeconds <= 0) {
    throw new AuthError('BAD_COOKIE', 'maxAgeSeconds must be a positive whole number');
  }
  return withAttributes(`${SESSION_COOKIE}=${token}; Max-Age=${options.maxAgeSeconds}`, options.secure);
}

/** `Set-Cookie` value that makes the browser forget the session cookie (sign-out). */
export function clearedSessionCookie(secure: boolean): string {
  return withAttributes(`${SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`, secure);
}

function withAttributes(cookie: string, secure: boolean): string {
  return `${cookie}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
