import { STRUCTURES, type MaskSet } from '@spineqc/qc-standard';
import { describe, expect, it } from 'vitest';
import { decodeMaskSet, encodeMaskSet, resizeMaskSet } from './mask-set-png.js';

function sample(width: number, height: number): MaskSet {
  const masks = Object.fromEntries(
    STRUCTURES.map((s, k) => [
      s,
      Uint8Array.from({ length: width * height }, (_, i) => ((i + k) % (k + 2) === 0 ? 1 : 0)),
    ]),
  ) as MaskSet['masks'];
  const levels = Uint8Array.from({ length: width * height }, (_, i) => i % 13);
  return { width, height, masks, levels };
}

describe('encodeMaskSet / decodeMaskSet', () => {
  it('keep every structure mask and the level map exactly', () => {
    const set = sample(37, 23);
    expect(decodeMaskSet(encodeMaskSet(set))).toEqual(set);
  });
});

describe('resizeMaskSet', () => {
  it('doubles each label without blending and keeps the size when asked for the same', () => {
    const set = sample(3, 2);
    const big = resizeMaskSet(set, 6, 4);
    expect(big.levels[0]).toBe(set.levels[0]);
    expect(big.levels[1]).toBe(set.levels[0]);
    expect(big.levels[6 * 3 + 5]).toBe(set.levels[1 * 3 + 2]);
    expect(new Set(big.masks['vertebral-body'])).toEqual(new Set(set.masks['vertebral-body']));
    expect(resizeMaskSet(set, 3, 2)).toBe(set);
  });
});
