import { hash, parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords.js';

describe('hashPassword / verifyPassword', () => {
  it('hashes with argon2id at the OWASP settings and verifies the same password', async () => {
    const encoded = await hashPassword('correct horse battery staple');
    expect(encoded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(encoded).not.toContain('correct horse');
    expect(await verifyPassword(encoded, 'correct horse battery staple')).toBe(true);
  });

  it('salts every hash, so the same password never gives the same string twice', async () => {
    const [first, second] = await Promise.all([
      hashPassword('same password 1'),
      hashPassword('same password 1'),
    ]);
    expect(first).not.toBe(second);
    expect(await verifyPassword(second, 'same password 1')).toBe(true);
  });

  it('refuses a wrong password', async () => {
    const encoded = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(encoded, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword(encoded, '')).toBe(false);
  });

  it('matches a password typed in another Unicode normal form', async () => {
    const composed = 'caf\u00e9 au lait 2024';
    const decomposed = 'cafe\u0301 au lait 2024';
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
  });

  it('answers false, never throws, for a malformed or foreign hash', async () => {
    const encoded = await hashPassword('correct horse battery staple');
    for (const malformed of [
      '',
      'garbage',
      '$argon2id$',
      '$argon2id$v=19$m=19456,t=2,p=1$onlysalt',
      encoded.slice(0, -10),
      '$2b$10$abcdefghijklmnopqrstuuM9Oq6T7Qb2GzJ1m1Xz1t9PzZQeZlq3e',
    ]) {
      expect(await verifyPassword(malformed, 'correct horse battery staple')).toBe(false);
    }
  });
});

describe('needsRehash', () => {
  it('is false for a hash made today', async () => {
    expect(needsRehash(await hashPassword('a password of today'))).toBe(false);
  });

  it('is true for a hash made with weaker settings, which still verifies', async () => {
    const weaker = await hash('an old password', { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(parseOptions(weaker).memoryCost).toBe(4096);
    expect(needsRehash(weaker)).toBe(true);
    expect(await verifyPassword(weaker, 'an old password')).toBe(true);
  });

  it('is true for fewer passes alone and for argon2i', async () => {
    expect(needsRehash(await hash('p', { memoryCost: 19_456, timeCost: 1, parallelism: 1 }))).toBe(true);
    const argon2i = await hash('p', { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 1 });
    expect(argon2i.startsWith('$argon2i$')).toBe(true);
    expect(needsRehash(argon2i)).toBe(true);
  });

  it('is false for stronger settings than today', async () => {
    expect(needsRehash(await hash('p', { memoryCost: 32_768, timeCost: 3, parallelism: 1 }))).toBe(false);
  });

  it('is true, without throwing, for something that is not a hash', () => {
    expect(needsRehash('garbage')).toBe(true);
    expect(needsRehash('')).toBe(true);
  });
});

describe('dummyHash', () => {
  it('is one valid hash at today’s settings, computed once', async () => {
    const [first, second] = await Promise.all([dummyHash(), dummyHash()]);
    expect(first).toBe(second);
    expect(await dummyHash()).toBe(first);
    expect(needsRehash(first)).toBe(false);
    expect(await verifyPassword(first, 'password')).toBe(false);
    expect(await verifyPassword(first, '')).toBe(false);
  });
});
