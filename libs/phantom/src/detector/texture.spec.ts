import { describe, expect, it } from 'vitest';
import { Rng } from '../random.js';
import { bandLimitedNoise, texturedBonePaths } from './texture.js';

const W = 160;
const H = 160;

function correlation(field: Float32Array, dx: number, dy: number): number {
  let sum = 0;
  let sq = 0;
  for (let r = 0; r + dy < H; r++)
    for (let c = 0; c + dx < W; c++) {
      sum += field[r * W + c] * field[(r + dy) * W + c + dx];
      sq += field[r * W + c] ** 2;
    }
  return sum / sq;
}

describe('trabecular texture', () => {
  const field = bandLimitedNoise(W, H, 0.2, new Rng(5));

  it('is zero-mean and bounded by ±0.5', () => {
    const mean = field.reduce((a, b) => a + b, 0) / field.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.max(...field.map(Math.abs))).toBeLessThanOrEqual(0.5);
  });

  it('is correlated over about a millimetre and longer vertically than horizontally', () => {
    expect(correlation(field, 2, 0)).toBeGreaterThan(0.3);
    expect(correlation(field, 0, 5)).toBeGreaterThan(correlation(field, 5, 0) + 0.2);
    expect(Math.abs(correlation(field, 0, 40))).toBeLessThan(0.15);
  });

  it('modulates only the textured part of the bone, reproducibly', () => {
    const n = W * H;
    const bone = new Float32Array(n).fill(1);
    const textured = new Float32Array(n);
    for (let i = 0; i < n / 2; i++) textured[i] = 0.5;
    const a = texturedBonePaths(bone, textured, W, H, 0.2, 1, new Rng(3));
    const b = texturedBonePaths(bone, textured, W, H, 0.2, 1, new Rng(3));
    expect(b).toEqual(a);
    expect(a.slice(n / 2).every((v) => v === 1)).toBe(true);
    expect(a.slice(0, n / 2).some((v) => Math.abs(v - 1) > 0.05)).toBe(true);
    expect(a.every((v) => v >= 0.75 && v <= 1.25)).toBe(true);
    expect(texturedBonePaths(bone, textured, W, H, 0.2, 0, new Rng(3))).toEqual(bone);
  });
});
