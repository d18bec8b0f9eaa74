import type { Primitive } from '../geometry/primitive.js';
import type { Projection } from '../geometry/projection.js';
import { invert, mulVec, sub, type Vec3 } from '../geometry/vec.js';

export const KIND_ELLIPSOID = 0;
export const KIND_CYLINDER = 1;
export const KIND_DISC = 2;

/**
 * The rays of a projection expressed in one primitive's local (unit-shape) frame. The un-normalised
 * direction to pixel (c, r) is D = origin − source + c·du + r·dv; the local map is linear, so its
 * local image is base + c·col + r·row and costs three multiply-adds per pixel instead of a mat-vec.
 * Clip planes get the same treatment: n·d is linear in c and r too.
 */
export interface LocalRays {
  kind: number;
  /** The source in local coordinates (every ray starts there). */
  o: Vec3;
  base: Vec3;
  col: Vec3;
  row: Vec3;
  clipCount: number;
  /** Per clip: n·o, the linear form of n·d (base, col, row), and the offset. */
  clipOn: Float64Array;
  clipBase: Float64Array;
  clipCol: Float64Array;
  clipRow: Float64Array;
  clipOffset: Float64Array;
}

export function localRays(p: Primitive, projection: Projection): LocalRays {
  const inverse = invert(p.axes);
  const o = mulVec(inverse, sub(projection.source, p.center));
  const base = mulVec(inverse, sub(projection.origin, projection.source));
  const col = mulVec(inverse, projection.du);
  const row = mulVec(inverse, projection.dv);
  const clips = p.clips ?? [];
  const n = clips.length;
  const rays: LocalRays = {
    kind: p.kind === 'ellipsoid' ? KIND_ELLIPSOID : p.kind === 'cylinder' ? KIND_CYLINDER : KIND_DISC,
    o,
    base,
    col,
    row,
    clipCount: n,
    clipOn: new Float64Array(n),
    clipBase: new Float64Array(n),
    clipCol: new Float64Array(n),
    clipRow: new Float64Array(n),
    clipOffset: new Float64Array(n),
  };
  clips.forEach((clip, k) => {
    const [nx, ny, nz] = clip.normal;
    const dot = (v: Vec3) => nx * v[0] + ny * v[1] + nz * v[2];
    rays.clipOn[k] = dot(o);
    rays.clipBase[k] = dot(base);
    rays.clipCol[k] = dot(col);
    rays.clipRow[k] = dot(row);
    rays.clipOffset[k] = clip.offset;
  });
  return rays;
}

/** 1/|D| for every pixel, so local directions can be normalised (t then measures mm, as in the reference). */
export function inverseRayLengths(projection: Projection): Float64Array {
  const { source, origin, du, dv, width, height } = projection;
  const out = new Float64Array(width * height);
  const bx = origin[0] - source[0];
  const by = origin[1] - source[1];
  const bz = origin[2] - source[2];
  for (let r = 0; r < height; r++) {
    const rx = bx + r * dv[0];
    const ry = by + r * dv[1];
    const rz = bz + r * dv[2];
    const rowStart = r * width;
    for (let c = 0; c < width; c++) {
      const x = rx + c * du[0];
      const y = ry + c * du[1];
      const z = rz + c * du[2];
      out[rowStart + c] = 1 / Math.sqrt(x * x + y * y + z * z);
    }
  }
  return out;
}
