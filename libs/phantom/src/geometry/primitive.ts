import type { Structure } from '@spineqc/qc-standard';
import { type Mat3, type Vec3, fromColumns, invert, mulVec, scale, sub } from './vec.js';

/**
 * Local unit shapes. An affine map (centre + axes) places each in the patient frame, so the chord
 * of any ray through it is exact and closed-form:
 * - ellipsoid: |q| ≤ 1
 * - cylinder:  qx² + qy² ≤ 1 and |qz| ≤ 1 (an elliptic cylinder with flat caps, e.g. a vertebral body)
 * - disc:      qz = 0 and qx² + qy² ≤ 1 (zero thickness: contributes only to masks, e.g. an endplate)
 */
export type ShapeKind = 'ellipsoid' | 'cylinder' | 'disc';

/** Half-space n·q ≤ offset in the shape's local (unit) coordinates, to cut a shape (e.g. half a shell). */
export interface Clip {
  normal: Vec3;
  offset: number;
}

/**
 * Attenuation of a primitive as line-integral weights on three basis materials, in cm of the basis
 * per cm of chord. Weights are deltas over what the enclosing primitives already contribute, so a
 * bone inside soft tissue has water −1 (it displaces water) and a marrow cavity inside a cortical
 * primitive has negative bone.
 *   bone  = ICRU cortical bone (1.92 g/cm³)
 *   water = soft tissue (1.0 g/cm³); fat ≈ 0.92, air ≈ −1 inside tissue
 *   metal = titanium alloy (4.4 g/cm³)
 */
export interface MaterialWeights {
  bone: number;
  water: number;
  metal: number;
}

export interface Primitive {
  kind: ShapeKind;
  /** Centre in the patient frame (mm). */
  center: Vec3;
  /** Columns are the semi-axis vectors (mm) mapping the local unit shape into the patient frame. */
  axes: Mat3;
  clips?: Clip[];
  material: MaterialWeights;
  /** Modulate this primitive's bone integral by the trabecular texture (vertebral cancellous bone). */
  textured?: boolean;
  /** Structure whose mask this primitive's silhouette belongs to (omit for inner/delta primitives). */
  structure?: Structure;
  /** Level code (levelCode) written to the level map where this primitive is the thickest body. */
  level?: number;
  /**
   * Masks of primitives sharing a maskGroup are intersected before joining the structure mask: a
   * foramen is "visible" only where the ray passes through both the left and right foramen.
   */
  maskGroup?: string;
  /** Short name for debugging ("L3 body", "left iliac wing"). */
  name?: string;
}

/** Patient frame: x = patient's left, y = anterior, z = cranial; origin at the centre of L3's body. */
export function primitive(
  kind: ShapeKind,
  center: Vec3,
  axisA: Vec3,
  axisB: Vec3,
  axisC: Vec3,
  material: MaterialWeights,
  extra: Partial<Pick<Primitive, 'clips' | 'textured' | 'structure' | 'level' | 'maskGroup' | 'name'>> = {},
): Primitive {
  return { kind, center, axes: fromColumns(axisA, axisB, axisC), material, ...extra };
}

/** Precomputed inverse map, so a ray is taken into local coordinates with two mat-vec products. */
export interface PreparedPrimitive extends Primitive {
  inverse: Mat3;
}

export function prepare(p: Primitive): PreparedPrimitive {
  return { ...p, inverse: invert(p.axes) };
}

/** Interval [tEnter, tExit] of the ray along which it is inside the shape, or null. */
export interface Interval {
  t0: number;
  t1: number;
}

/**
 * Parametric interval of the ray origin + t·dir (patient frame) inside the prepared primitive.
 * With |dir| = 1 the chord length in mm is t1 − t0. For a disc t0 = t1 (the crossing point).
 */
export function intersect(p: PreparedPrimitive, origin: Vec3, dir: Vec3): Interval | null {
  const o = mulVec(p.inverse, sub(origin, p.center));
  const d = mulVec(p.inverse, dir);
  let t0 = -Infinity;
  let t1 = Infinity;
  if (p.kind === 'disc') {
    if (Math.abs(d[2]) < 1e-12) return null;
    const t = -o[2] / d[2];
    const x = o[0] + t * d[0];
    const y = o[1] + t * d[1];
    if (x * x + y * y > 1) return null;
    t0 = t1 = t;
  } else if (p.kind === 'ellipsoid') {
    const a = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    const b = o[0] * d[0] + o[1] * d[1] + o[2] * d[2];
    const c = o[0] * o[0] + o[1] * o[1] + o[2] * o[2] - 1;
    const disc = b * b - a * c;
    if (disc <= 0) return null;
    const s = Math.sqrt(disc);
    t0 = (-b - s) / a;
    t1 = (-b + s) / a;
  } else {
    const a = d[0] * d[0] + d[1] * d[1];
    const b = o[0] * d[0] + o[1] * d[1];
    const c = o[0] * o[0] + o[1] * o[1] - 1;
    if (a < 1e-15) {
      if (c > 0) return null;
    } else {
      const disc = b * b - a * c;
      if (disc <= 0) return null;
      const s = Math.sqrt(disc);
      t0 = (-b - s) / a;
      t1 = (-b + s) / a;
    }
    const slab = clipInterval(o[2], d[2], 1, t0, t1);
    if (!slab) return null;
    const slab2 = clipInterval(-o[2], -d[2], 1, slab.t0, slab.t1);
    if (!slab2) return null;
    t0 = slab2.t0;
    t1 = slab2.t1;
  }
  for (const clip of p.clips ?? []) {
    const on = clip.normal[0] * o[0] + clip.normal[1] * o[1] + clip.normal[2] * o[2];
    const dn = clip.normal[0] * d[0] + clip.normal[1] * d[1] + clip.normal[2] * d[2];
    const r = clipInterval(on, dn, clip.offset, t0, t1);
    if (!r) return null;
    t0 = r.t0;
    t1 = r.t1;
  }
  return t1 >= t0 ? { t0, t1 } : null;
}

/** Restrict [t0, t1] to where on + t·dn ≤ offset. */
function clipInterval(on: number, dn: number, offset: number, t0: number, t1: number): Interval | null {
  if (Math.abs(dn) < 1e-15) return on <= offset ? { t0, t1 } : null;
  const t = (offset - on) / dn;
  if (dn > 0) t1 = Math.min(t1, t);
  else t0 = Math.max(t0, t);
  return t1 >= t0 ? { t0, t1 } : null;
}

/** Point of the local unit shape mapped to the patient frame. */
export function localToPatient(p: Primitive, q: Vec3): Vec3 {
  const m = mulVec(p.axes, q);
  return [m[0] + p.center[0], m[1] + p.center[1], m[2] + p.center[2]];
}

/** Radius of a sphere around the centre that encloses the shape (for culling). */
export function boundingRadius(p: Primitive): number {
  const a = p.axes;
  const len = (j: number) => Math.hypot(a[j], a[3 + j], a[6 + j]);
  return p.kind === 'ellipsoid'
    ? Math.max(len(0), len(1), len(2))
    : Math.hypot(Math.max(len(0), len(1)), len(2));
}

export const scaled = scale;
