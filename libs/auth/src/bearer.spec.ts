import { SESSION_COOKIE } from '@spineqc/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthError } from './errors.js';
import { clearedSessionCookie, readBearer, readCookie, sessionCookie } from './bearer.js';
import { mintToken } from './tokens.js';

describe('readBearer', () => {
  it('reads the token whatever the case of the scheme, trimming spaces', () => {
    expect(readBearer('Bearer abc.def')).toBe('abc.def');
    expect(readBearer('bearer abc')).toBe('abc');
    expect(readBearer('BEARER   abc  ')).toBe('abc');
    expect(readBearer('  Bearer\tabc')).toBe('abc');
  });

  it('is null without a header, for another scheme, or for a missing or split token', () => {
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      'Bearerabc',
      'Bearer a b',
    ]) {
      expect(readBearer(header)).toBeNull();
    }
  });

  it('never throws on arbitrary headers', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (header) => {
        const token = readBearer(header);
        return token === null || (token.length > 0 && !/\s/.test(token));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readCookie', () => {
  it('finds a cookie among others, with or without spaces and quotes', () => {
    expect(readCookie('a=1; spineqc_session=tok; b=2', 'spineqc_session')).toBe('tok');
    expect(readCookie('spineqc_session=tok', 'spineqc_session')).toBe('tok');
    expect(readCookie('a=1;spineqc_session = tok ;b=2', 'spineqc_session')).toBe('tok');
    expect(readCookie('spineqc_session="tok"', 'spineqc_session')).toBe('tok');
    expect(readCookie('x=a=b', 'x')).toBe('a=b');
  });

  it('takes the first of repeated cookies and tolerates pairs without a value', () => {
    expect(readCookie('s=first; s=second', 's')).toBe('first');
    expect(readCookie('garbage; ;=; s=ok; =x', 's')).toBe('ok');
  });

  it('is null when absent or empty, and does not match a name that only contains it', () => {
    expect(readCookie(undefined, 's')).toBeNull();
    expect(readCookie('', 's')).toBeNull();
    expect(readCookie('s=', 's')).toBeNull();
    expect(readCookie('xs=1; sx=2', 's')).toBeNull();
    expect(readCookie('S=1', 's')).toBeNull();
  });

  it('never throws on arbitrary headers', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ maxLength: 20 }),
        (header, name) => {
          const value = readCookie(header, name);
          return value === null || typeof value === 'string';
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads back a serialized session cookie among arbitrary other cookies', () => {
    const cookieName = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/).filter((name) => name !== SESSION_COOKIE);
    const cookieValue = fc.stringMatching(/^[A-Za-z0-9._~-]{0,32}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cookieName, cookieValue), { maxLength: 5 }),
        fc.array(fc.tuple(cookieName, cookieValue), { maxLength: 5 }),
        fc.constantFrom('session', 'api', 'device'),
        (before, after, kind) => {
          const { token } = mintToken(kind);
          const setCookie = sessionCookie(token, { maxAgeSeconds: 3600, secure: true });
          // A browser sends back only the name=value part of Set-Cookie.
          const sent = setCookie.split(';')[0];
          const header = [
            ...before.map(([n, v]) => `${n}=${v}`),
            sent,
            ...after.map(([n, v]) => `${n}=${v}`),
          ];
          expect(readCookie(header.join('; '), SESSION_COOKIE)).toBe(token);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sessionCookie', () => {
  it('is HttpOnly, SameSite=Strict, site-wide, and Secure when asked', () => {
    expect(sessionCookie('sqc_s_abc', { maxAgeSeconds: 28_800, secure: true })).toBe(
      `${SESSION_COOKIE}=sqc_s_abc; Max-Age=28800; Path=/; HttpOnly; SameSite=Strict; Secure`,
    );
    expect(sessionCookie('sqc_s_abc', { maxAgeSeconds: 60, secure: false })).toBe(
      `${SESSION_COOKIE}=sqc_s_abc; Max-Age=60; Path=/; HttpOnly; SameSite=Strict`,
    );
  });

  it('refuses a value that would break the header, and a lifetime that is not a positive whole number', () => {
    for (const value of ['', 'a;b', 'a b', 'a\r\nSet-Cookie: x=1', 'a,b', '"a"', 'é']) {
      expect(() => sessionCookie(value, { maxAgeSeconds: 60, secure: true })).toThrow(AuthError);
    }
    for (const maxAgeSeconds of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => sessionCookie('tok', { maxAgeSeconds, secure: true })).toThrow(AuthError);
    }
  });
});

describe('clearedSessionCookie', () => {
  it('empties the cookie and expires it at once, with the same attributes', () => {
    expect(clearedSessionCookie(true)).toBe(
      `${SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Strict; Secure`,
    );
    expect(clearedSessionCookie(false)).not.toContain('Secure');
    expect(readCookie(clearedSessionCookie(false).split(';')[0], SESSION_COOKIE)).toBeNull();
  });
});
