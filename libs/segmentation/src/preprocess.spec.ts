import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaResize, percentileNormalise, placementFor, toModelInput } from './preprocess.js';

/** Shared with ml/tests/test_preprocess.py: the same numbers must come out of both implementations. */
const VECTOR_URL = new URL('../../../ml/tests/fixtures/preprocess-vector.json', import.meta.url);

interface SharedVector {
  height: number;
  width: number;
  image: number[];
  canvas: [number, number];
  placement: [number, number, number, number];
  expected: number[];
}

const NORMALISATION = { lowPercentile: 0.01, highPercentile: 0.99 };

describe('toModelInput', () => {
  it('reproduces the shared Python vector within 1e-5', () => {
    const vector = JSON.parse(readFileSync(VECTOR_URL, 'utf8')) as SharedVector;
    const { tensor, placement } = toModelInput(
      Float32Array.from(vector.image),
      vector.width,
      vector.height,
      vector.canvas,
      NORMALISATION,
    );
    expect([placement.top, placement.left, placement.height, placement.width]).toEqual(vector.placement);
    expect(tensor.length).toBe(vector.expected.length);
    const worst = vector.expected.reduce((max, value, i) => Math.max(max, Math.abs(value - tensor[i])), 0);
    expect(worst).toBeLessThan(1e-5);
  });

  it('leaves the canvas outside the fitted content at zero and spans 0…1 inside', () => {
    const width = 40;
    const height = 10;
    const pixels = Uint16Array.from({ length: width * height }, (_, i) => 1000 + (i % width) * 25);
    const { tensor, placement } = toModelInput(pixels, width, height, [32, 32], NORMALISATION);
    expect(placement).toEqual({ top: 12, left: 0, height: 8, width: 32 });
    for (let y = 0; y < 32; y++) {
      const inside = y >= placement.top && y < placement.top + placement.height;
      const row = Array.from(tensor.subarray(y * 32, (y + 1) * 32));
      if (!inside) expect(row.every((v) => v === 0)).toBe(true);
      else {
        expect(Math.min(...row)).toBe(0);
        expect(Math.max(...row)).toBe(1);
      }
    }
  });
});

describe('placementFor', () => {
  it('fits preserving the aspect ratio and centres with floor division', () => {
    expect(placementFor(100, 50, 64, 64)).toEqual({ top: 0, left: 16, height: 64, width: 32 });
    expect(placementFor(823, 471, 256, 192)).toEqual({ top: 0, left: 22, height: 256, width: 147 });
  });

  it("rounds halves to the even neighbour, as Python's round() does", () => {
    // scale 0.5: 5 × 0.5 = 2.5 → 2 (Math.round would give 3); 7 × 0.5 = 3.5 → 4.
    expect(placementFor(5, 32, 16, 16)).toEqual({ top: 7, left: 0, height: 2, width: 16 });
    expect(placementFor(7, 32, 16, 16)).toEqual({ top: 6, left: 0, height: 4, width: 16 });
    expect(placementFor(32, 5, 16, 16)).toEqual({ top: 0, left: 7, height: 16, width: 2 });
  });

  it('never gives the content less than one pixel', () => {
    expect(placementFor(1, 10_000, 256, 192)).toMatchObject({ height: 1, width: 192 });
  });
});

describe('areaResize', () => {
  it('averages whole bins when the size divides', () => {
    const image = Float32Array.from({ length: 16 }, (_, i) => i);
    expect(Array.from(areaResize(image, 4, 4, 2, 2))).toEqual([2.5, 4.5, 10.5, 12.5]);
  });

  it('uses the overlapping adaptive-pooling bins [floor(i·n/m), ceil((i+1)·n/m)) otherwise', () => {
    // 5 → 3: bins [0, 2), [1, 4), [3, 5).
    expect(Array.from(areaResize([0, 1, 2, 3, 4], 5, 1, 3, 1))).toEqual([0.5, 2, 3.5]);
    // 2 → 4 (enlarging): every source pixel is repeated.
    expect(Array.from(areaResize([10, 20], 2, 1, 4, 1))).toEqual([10, 10, 20, 20]);
  });

  it('bins rows and columns independently', () => {
    // 3 × 2 → 2 × 1: rows [0, 2) collapse into one; columns 3 → 2 give bins [0, 2) and [1, 3).
    const image = [1, 2, 3, 5, 6, 7];
    expect(Array.from(areaResize(image, 3, 2, 2, 1))).toEqual([3.5, 4.5]);
  });
});

describe('percentileNormalise', () => {
  it('maps the low/high percentiles to 0/1 and clips beyond', () => {
    const values = Float32Array.from({ length: 1001 }, (_, i) => 100 + i / 10);
    const out = percentileNormalise(values, NORMALISATION);
    expect(out[0]).toBe(0);
    expect(out[1000]).toBe(1);
    expect(out[500]).toBeCloseTo(0.5, 2);
    expect(out.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('does not divide by zero on a flat image', () => {
    const out = percentileNormalise(new Float32Array(50).fill(7), NORMALISATION);
    expect(out.every((v) => v === 0)).toBe(true);
  });
});
