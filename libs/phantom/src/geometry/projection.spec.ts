import { describe, expect, it } from 'vitest';
import { pixelRay, projectPoint, type Projection } from './projection.js';
import { add, scale } from './vec.js';

describe('cone-beam projection', () => {
  const p: Projection = {
    source: [3, 1000, -4],
    origin: [-60, -150, 80],
    du: [0.5, 0, 0],
    dv: [0, 0, -0.5],
    width: 240,
    height: 320,
  };

  it('projects any point of a pixel ray back onto that pixel', () => {
    for (const [col, row] of [
      [0, 0],
      [17, 250],
      [239, 319],
    ]) {
      const { origin, dir } = pixelRay(p, col, row);
      const [c, r] = projectPoint(p, add(origin, scale(dir, 700)));
      expect(c).toBeCloseTo(col, 6);
      expect(r).toBeCloseTo(row, 6);
    }
  });

  it('magnifies by SID / source-object distance', () => {
    const a = projectPoint(p, [3, 0, -4]);
    const b = projectPoint(p, [13, 0, -4]);
    expect((b[0] - a[0]) * 0.5).toBeCloseTo((10 * 1150) / 1000, 6);
  });
});
