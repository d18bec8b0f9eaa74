import { describe, expect, it } from 'vitest';
import { boxGaussianBlur, gaussianBlur, wideBlur } from './blur.js';

const W = 120;
const H = 90;

function impulse(): Float32Array {
  const a = new Float32Array(W * H);
  a[45 * W + 60] = 1;
  return a;
}

function spread(a: Float32Array): { total: number; varX: number; varY: number } {
  let total = 0;
  let vx = 0;
  let vy = 0;
  for (let r = 0; r < H; r++)
    for (let c = 0; c < W; c++) {
      const v = a[r * W + c];
      total += v;
      vx += v * (c - 60) ** 2;
      vy += v * (r - 45) ** 2;
    }
  return { total, varX: vx / total, varY: vy / total };
}

describe('blurs', () => {
  it('keep a flat image flat up to the borders', () => {
    const flat = new Float32Array(W * H).fill(3);
    for (const out of [
      gaussianBlur(flat, W, H, 2.5),
      boxGaussianBlur(flat, W, H, 6, 2),
      wideBlur(flat, W, H, 30),
    ])
      expect(Math.max(...out.map((v) => Math.abs(v - 3)))).toBeLessThan(1e-4);
  });

  it('spread an impulse with the requested σ per axis and keep its mass', () => {
    const g = spread(gaussianBlur(impulse(), W, H, 2, 4));
    expect(g.total).toBeCloseTo(1, 5);
    expect(Math.sqrt(g.varX)).toBeCloseTo(2, 1);
    expect(Math.sqrt(g.varY)).toBeCloseTo(4, 1);
    const b = spread(boxGaussianBlur(impulse(), W, H, 6));
    expect(b.total).toBeCloseTo(1, 5);
    expect(Math.abs(Math.sqrt(b.varX) - 6)).toBeLessThan(0.6);
  });

  it('smooth wide structures on a coarse grid without shifting them', () => {
    const step = new Float32Array(W * H);
    for (let r = 0; r < H; r++) for (let c = 60; c < W; c++) step[r * W + c] = 1;
    const out = wideBlur(step, W, H, 12);
    const row = 45 * W;
    expect(out[row + 10]).toBeLessThan(0.01);
    expect(out[row + 110]).toBeGreaterThan(0.99);
    expect(out[row + 59] + out[row + 60]).toBeCloseTo(1, 1);
    for (let c = 1; c < W; c++) expect(out[row + c]).toBeGreaterThanOrEqual(out[row + c - 1] - 1e-6);
  });
});
