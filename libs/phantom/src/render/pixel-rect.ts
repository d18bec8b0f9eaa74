import type { Primitive } from '../geometry/primitive.js';
import { projectPoint, type Projection } from '../geometry/projection.js';

/** Inclusive pixel rectangle; empty when c0 > c1 or r0 > r1. */
export interface PixelRect {
  c0: number;
  c1: number;
  r0: number;
  r1: number;
}

export const EMPTY_RECT: PixelRect = { c0: 0, c1: -1, r0: 0, r1: -1 };

export function isEmptyRect(r: PixelRect): boolean {
  return r.c0 > r.c1 || r.r0 > r.r1;
}

export function fullRect(projection: Projection): PixelRect {
  return { c0: 0, c1: projection.width - 1, r0: 0, r1: projection.height - 1 };
}

export function intersectRects(a: PixelRect, b: PixelRect): PixelRect {
  const r = {
    c0: Math.max(a.c0, b.c0),
    c1: Math.min(a.c1, b.c1),
    r0: Math.max(a.r0, b.r0),
    r1: Math.min(a.r1, b.r1),
  };
  return isEmptyRect(r) ? EMPTY_RECT : r;
}

export function unionRects(a: PixelRect, b: PixelRect): PixelRect {
  if (isEmptyRect(a)) return b;
  if (isEmptyRect(b)) return a;
  return {
    c0: Math.min(a.c0, b.c0),
    c1: Math.max(a.c1, b.c1),
    r0: Math.min(a.r0, b.r0),
    r1: Math.max(a.r1, b.r1),
  };
}

/**
 * Pixels whose rays can meet the primitive: the projected corners of its oriented bounding box
 * (centre ± axis columns, ignoring clips), widened by one pixel and clamped to the image. A convex
 * box projects inside the hull of its projected corners, so no hit is lost. A box reaching behind
 * the source would project inside out, so it conservatively gets the whole image.
 */
export function primitiveRect(p: Primitive, projection: Projection): PixelRect {
  const { source, origin, du, dv, width, height } = projection;
  const nx = du[1] * dv[2] - du[2] * dv[1];
  const ny = du[2] * dv[0] - du[0] * dv[2];
  const nz = du[0] * dv[1] - du[1] * dv[0];
  const detectorSide =
    (origin[0] - source[0]) * nx + (origin[1] - source[1]) * ny + (origin[2] - source[2]) * nz;
  const a = p.axes;
  let cMin = Infinity;
  let cMax = -Infinity;
  let rMin = Infinity;
  let rMax = -Infinity;
  for (let corner = 0; corner < 8; corner++) {
    const s0 = corner & 1 ? 1 : -1;
    const s1 = corner & 2 ? 1 : -1;
    const s2 = corner & 4 ? 1 : -1;
    const x = p.center[0] + s0 * a[0] + s1 * a[1] + s2 * a[2];
    const y = p.center[1] + s0 * a[3] + s1 * a[4] + s2 * a[5];
    const z = p.center[2] + s0 * a[6] + s1 * a[7] + s2 * a[8];
    const side = (x - source[0]) * nx + (y - source[1]) * ny + (z - source[2]) * nz;
    if (!(side * detectorSide > 0)) return fullRect(projection);
    const [c, r] = projectPoint(projection, [x, y, z]);
    cMin = Math.min(cMin, c);
    cMax = Math.max(cMax, c);
    rMin = Math.min(rMin, r);
    rMax = Math.max(rMax, r);
  }
  if (![cMin, cMax, rMin, rMax].every(Number.isFinite)) return fullRect(projection);
  const rect = {
    c0: Math.max(0, Math.floor(cMin) - 1),
    c1: Math.min(width - 1, Math.ceil(cMax) + 1),
    r0: Math.max(0, Math.floor(rMin) - 1),
    r1: Math.min(height - 1, Math.ceil(rMax) + 1),
  };
  return isEmptyRect(rect) ? EMPTY_RECT : rect;
}
