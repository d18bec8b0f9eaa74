import { describe, expect, it } from 'vitest';
import { gridPrimaryTransmission, gridScatterTransmission, scatterKerma } from './scatter.js';

const W = 100;
const H = 100;

function slab(waterCm: number) {
  const n = W * H;
  return { bone: new Float32Array(n), water: new Float32Array(n).fill(waterCm), metal: new Float32Array(n) };
}

describe('scatter', () => {
  const primary = new Float32Array(W * H).fill(1);
  const centre = 50 * W + 50;

  it('grows with the water path (scatter-to-primary ratio of a few without a grid)', () => {
    const thin = scatterKerma(primary, slab(10), W, H, 1, 0)[centre];
    const thick = scatterKerma(primary, slab(25), W, H, 1, 0)[centre];
    expect(thick).toBeGreaterThan(2 * thin);
    expect(thick).toBeGreaterThan(2.5);
    expect(thick).toBeLessThan(6);
  });

  it('is cut 6–8× relative to primary by a grid of ratio 8–12', () => {
    for (const ratio of [8, 10, 12]) {
      const selectivity = gridPrimaryTransmission(ratio) / gridScatterTransmission(ratio);
      expect(selectivity).toBeGreaterThan(5.5);
      expect(selectivity).toBeLessThan(8.5);
    }
    expect(gridPrimaryTransmission(0)).toBe(1);
    expect(gridScatterTransmission(0)).toBe(1);
  });

  it('is spread far beyond its source', () => {
    const paths = slab(0);
    for (let r = 45; r < 55; r++) for (let c = 45; c < 55; c++) paths.water[r * W + c] = 20;
    const s = scatterKerma(primary, paths, W, H, 1, 0);
    expect(s[50 * W + 90]).toBeGreaterThan(0.05 * s[centre]);
    expect(s[centre]).toBeLessThan(3.2 * 0.2);
  });
});
