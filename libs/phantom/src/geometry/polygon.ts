import type { Ellipse3 } from '../anatomy/types.js';
import { invert, mulVec, sub, type Mat3, type Vec3, add, scale, dot, cross, normalize } from './vec.js';
import { projectPoint, type Projection } from './projection.js';

/** A 2-D polygon in pixel coordinates (col, row), counter-clockwise or clockwise. */
export type Polygon = [number, number][];

export function polygonArea(poly: Polygon): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x0, y0] = poly[i];
    const [x1, y1] = poly[(i + 1) % poly.length];
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2;
}

/** Andrew's monotone chain; returns the hull counter-clockwise in a y-up sense. */
export function convexHull(points: Polygon): Polygon {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const crossZ = (o: [number, number], a: [number, number], b: [number, number]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Polygon = [];
  for (const p of pts) {
    while (lower.length >= 2 && crossZ(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Polygon = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && crossZ(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Sutherland–Hodgman: the part of `subject` inside the convex polygon `clip` (both from convexHull). */
export function clipConvex(subject: Polygon, clip: Polygon): Polygon {
  let output = subject;
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const a = clip[i];
    const b = clip[(i + 1) % clip.length];
    const inside = (p: [number, number]) =>
      (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j];
      const q = input[(j + 1) % input.length];
      const pIn = inside(p);
      const qIn = inside(q);
      if (pIn) output.push(p);
      if (pIn !== qIn) output.push(intersectSegments(p, q, a, b));
    }
  }
  return output;
}

function intersectSegments(
  p: [number, number],
  q: [number, number],
  a: [number, number],
  b: [number, number],
): [number, number] {
  const d1x = q[0] - p[0];
  const d1y = q[1] - p[1];
  const d2x = b[0] - a[0];
  const d2y = b[1] - a[1];
  const den = d1x * d2y - d1y * d2x;
  const t = ((a[0] - p[0]) * d2y - (a[1] - p[1]) * d2x) / den;
  return [p[0] + t * d1x, p[1] + t * d1y];
}

/** The image rectangle in continuous pixel coordinates (pixel centres at integers). */
export function imageRect(width: number, height: number): Polygon {
  return convexHull([
    [-0.5, -0.5],
    [width - 0.5, -0.5],
    [width - 0.5, height - 0.5],
    [-0.5, height - 0.5],
  ]);
}

/** Points on a 3-D ellipse's rim. */
export function ellipseRim(e: Ellipse3, samples = 96): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i < samples; i++) {
    const a = (2 * Math.PI * i) / samples;
    out.push(add(e.center, add(scale(e.axisA, Math.cos(a)), scale(e.axisB, Math.sin(a)))));
  }
  return out;
}

/** Projected outline of a flat 3-D ellipse (a convex polygon, degenerate when seen edge-on). */
export function projectEllipse(p: Projection, e: Ellipse3, samples = 96): Polygon {
  return convexHull(ellipseRim(e, samples).map((v) => projectPoint(p, v)));
}

/**
 * Exact outline of an ellipsoid seen from a point source. In the ellipsoid's unit-sphere frame the
 * tangent rays from source s touch the sphere on the circle q·s = 1, so the outline is that circle
 * mapped back and projected.
 */
export function projectEllipsoid(p: Projection, center: Vec3, axes: Mat3, samples = 96): Polygon {
  const inv = invert(axes);
  const s = mulVec(inv, sub(p.source, center));
  const s2 = dot(s, s);
  const c = scale(s, 1 / s2);
  const r = Math.sqrt(Math.max(0, 1 - 1 / s2));
  const n = normalize(s);
  const helper: Vec3 = Math.abs(n[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const e1 = normalize(cross(n, helper));
  const e2 = cross(n, e1);
  const pts: Polygon = [];
  for (let i = 0; i < samples; i++) {
    const a = (2 * Math.PI * i) / samples;
    const q = add(c, add(scale(e1, r * Math.cos(a)), scale(e2, r * Math.sin(a))));
    pts.push(projectPoint(p, add(center, mulVec(axes, q))));
  }
  return convexHull(pts);
}

export function bounds(poly: Polygon): { minX: number; maxX: number; minY: number; maxY: number } {
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  for (const [x, y] of poly) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { minX, maxX, minY, maxY };
}
