import { describe, expect, it } from 'vitest';
import { clipConvex, convexHull, polygonArea, projectEllipse, projectEllipsoid } from './polygon.js';
import type { Projection } from './projection.js';

/** A parallel-ish projection: a far source, 1 mm pixels, detector at y = −100 facing +y. */
function farProjection(): Projection {
  return {
    source: [0, 1e7, 0],
    origin: [-50, -100, 50],
    du: [1, 0, 0],
    dv: [0, 0, -1],
    width: 101,
    height: 101,
  };
}

describe('polygons', () => {
  it('computes areas, hulls and convex intersections', () => {
    const square = convexHull([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [1, 1],
    ]);
    expect(square).toHaveLength(4);
    expect(polygonArea(square)).toBeCloseTo(4);
    const shifted = convexHull([
      [1, 1],
      [3, 1],
      [3, 3],
      [1, 3],
    ]);
    expect(polygonArea(clipConvex(square, shifted))).toBeCloseTo(1);
    const apart = convexHull([
      [5, 5],
      [6, 5],
      [6, 6],
    ]);
    expect(polygonArea(clipConvex(square, apart))).toBe(0);
  });

  it('a sphere seen from afar projects to a disc of its radius', () => {
    const outline = projectEllipsoid(farProjection(), [0, 0, 0], [10, 0, 0, 0, 10, 0, 0, 0, 10]);
    expect(polygonArea(outline)).toBeCloseTo(Math.PI * 100, 0);
  });

  it('an ellipse seen edge-on has no area; face-on it has πab', () => {
    const p = farProjection();
    const edgeOn = projectEllipse(p, { center: [0, 0, 0], axisA: [20, 0, 0], axisB: [0, 15, 0] });
    expect(polygonArea(edgeOn)).toBeLessThan(1e-3);
    const faceOn = projectEllipse(p, { center: [0, 0, 0], axisA: [20, 0, 0], axisB: [0, 0, 15] });
    expect(polygonArea(faceOn)).toBeCloseTo(Math.PI * 300, -1);
  });
});
