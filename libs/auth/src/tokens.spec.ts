import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthError } from './errors.js';
import { hashToken, looksLikeToken, mintToken, tokenKind, type TokenKind } from './tokens.js';

const KINDS: TokenKind[] = ['session', 'api', 'device'];

describe('mintToken', () => {
  it('makes sqc_<kind letter>_ followed by 32 random bytes in base64url', () => {
    for (const [kind, letter] of [
      ['session', 's'],
      ['api', 'a'],
      ['device', 'd'],
    ] as const) {
      const { token } = mintToken(kind);
      expect(token).toMatch(new RegExp(`^sqc_${letter}_[A-Za-z0-9_-]{43}$`));
      expect(Buffer.from(token.slice(6), 'base64url')).toHaveLength(32);
      expect(tokenKind(token)).toBe(kind);
    }
  });

  it('keeps the sha256 hex of the whole token and its first 12 characters', () => {
    const minted = mintToken('api');
    expect(minted.hash).toBe(createHash('sha256').update(minted.token).digest('hex'));
    expect(minted.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(minted.prefix).toBe(minted.token.slice(0, 12));
    expect(minted.prefix.startsWith('sqc_a_')).toBe(true);
  });

  it('never repeats a token', () => {
    const tokens = new Set(Array.from({ length: 2000 }, (_, i) => mintToken(KINDS[i % 3]).token));
    expect(tokens.size).toBe(2000);
  });
});

describe('hashToken', () => {
  it('gives the stored hash again for the same token, and a different one for another', () => {
    const minted = mintToken('session');
    expect(hashToken(minted.token)).toBe(minted.hash);
    expect(hashToken(minted.token)).toBe(hashToken(minted.token));
    expect(hashToken(mintToken('session').token)).not.toBe(minted.hash);
  });

  it('refuses what is not a token with BAD_TOKEN_FORMAT', () => {
    expect(() => hashToken('not a token')).toThrow(AuthError);
    try {
      hashToken("sqc_a_' OR 1=1 --");
      expect.unreachable();
    } catch (error) {
      expect((error as AuthError).code).toBe('BAD_TOKEN_FORMAT');
    }
  });
});

describe('looksLikeToken', () => {
  it('accepts every minted token', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), (kind) => looksLikeToken(mintToken(kind).token)),
      { numRuns: 300 },
    );
  });

  it('rejects garbage and near misses', () => {
    const { token } = mintToken('device');
    for (const garbage of [
      '',
      'sqc_',
      'sqc_d_',
      token.slice(0, -1),
      `${token}A`,
      ` ${token}`,
      `${token}\n`,
      token.replace('sqc_d_', 'sqc_x_'),
      token.replace('sqc_d_', 'SQC_d_'),
      `${token.slice(0, 20)}+${token.slice(21)}`,
      `${token.slice(0, 20)}=${token.slice(21)}`,
      `${token.slice(0, -1)}B`, // not the canonical encoding of 32 bytes
      "sqc_s_'; DROP TABLE api_tokens; --",
    ]) {
      expect(looksLikeToken(garbage)).toBe(false);
    }
  });

  it('never throws on arbitrary strings and accepts none of the wrong shape', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (value) => {
        const accepted = looksLikeToken(value);
        if (accepted) expect(value).toMatch(/^sqc_[sad]_[A-Za-z0-9_-]{43}$/);
        return typeof accepted === 'boolean';
      }),
      { numRuns: 2000 },
    );
  });
});
