import { describe, expect, it } from 'vitest';
import { IMPLEMENTATION_CLASS_UID, isValidUid, newUid } from './uid.js';

/** A tiny deterministic generator (mulberry32) standing in for the phantom's seeded Rng. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('newUid', () => {
  it('is a valid UID under the 2.25 UUID root', () => {
    for (let i = 0; i < 200; i++) {
      const uid = newUid();
      expect(uid.startsWith('2.25.')).toBe(true);
      expect(isValidUid(uid)).toBe(true);
      // A version-4 UUID as an integer has at most 39 decimal digits.
      expect(uid.length).toBeLessThanOrEqual(5 + 39);
    }
  });

  it('does not repeat', () => {
    const uids = new Set(Array.from({ length: 1000 }, () => newUid()));
    expect(uids.size).toBe(1000);
  });

  it('is reproducible from a seeded source of randomness', () => {
    const a = seeded(42);
    const b = seeded(42);
    const first = [newUid(a), newUid(a)];
    expect([newUid(b), newUid(b)]).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
    expect(newUid(seeded(43))).not.toBe(first[0]);
    expect(first.every(isValidUid)).toBe(true);
  });

  it('carries the UUID version and variant bits', () => {
    const hex = BigInt(newUid(seeded(7)).slice(5))
      .toString(16)
      .padStart(32, '0');
    expect(hex[12]).toBe('4');
    expect(['8', '9', 'a', 'b']).toContain(hex[16]);
  });
});

describe('isValidUid', () => {
  it('rejects leading zeros, empty components, letters and over-long UIDs', () => {
    expect(isValidUid(IMPLEMENTATION_CLASS_UID)).toBe(true);
    expect(isValidUid('1.2.840.10008.1.2.1')).toBe(true);
    expect(isValidUid('1.02.3')).toBe(false);
    expect(isValidUid('1..3')).toBe(false);
    expect(isValidUid('1.2.a')).toBe(false);
    expect(isValidUid(`1.${'9'.repeat(63)}`)).toBe(false);
  });
});
