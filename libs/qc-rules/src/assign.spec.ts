import { describe, expect, it } from 'vitest';
import { splitMerged } from './assign.js';
import { labelComponents } from './components.js';

/** A 40 × 200 mask with filled rectangles [x0, y0, x1, y1] (inclusive). */
function mask(rects: [number, number, number, number][]): Uint8Array {
  const m = new Uint8Array(40 * 200);
  for (const [x0, y0, x1, y1] of rects)
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) m[y * 40 + x] = 1;
  return m;
}

describe('splitMerged', () => {
  it('cuts a component twice the typical height into two, each with its own centroid', () => {
    // Three separate processes 20 rows tall, then two fused ones (rows 130–169) offset in x.
    const m = mask([
      [10, 10, 14, 29],
      [10, 50, 14, 69],
      [10, 90, 14, 109],
      [10, 130, 14, 149],
      [20, 150, 24, 169],
      [14, 148, 20, 151],
    ]);
    const parts = splitMerged(labelComponents(m, 40, 200, 'binary'), m, 40);
    expect(parts).toHaveLength(5);
    const fused = parts.filter((p) => p.minY >= 130);
    expect(fused).toHaveLength(2);
    expect(fused[0].cx).toBeLessThan(14);
    expect(fused[1].cx).toBeGreaterThan(20);
  });

  it('leaves ordinary components alone', () => {
    const m = mask([
      [10, 10, 14, 29],
      [10, 50, 14, 72],
      [10, 90, 14, 107],
    ]);
    const components = labelComponents(m, 40, 200, 'binary');
    expect(splitMerged(components, m, 40)).toEqual(components);
  });
});
