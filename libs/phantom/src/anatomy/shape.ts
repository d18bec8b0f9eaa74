import type { Clip, MaterialWeights, Primitive } from '../geometry/primitive.js';
import {
  type Mat3,
  type Vec3,
  add,
  dot,
  fromColumns,
  invert,
  mulVec,
  norm,
  scale,
  sub,
  transpose,
} from '../geometry/vec.js';

/** Half-space normal·p ≤ offset in the patient frame. */
export interface Plane {
  normal: Vec3;
  offset: number;
}

/** The half-space on the side of `point` opposite to `normal` (normal·(p − point) ≤ 0). */
export function keepBelow(normal: Vec3, point: Vec3): Plane {
  return { normal, offset: dot(normal, point) };
}

/** The half-space on the side `normal` points to (normal·(p − point) ≥ 0). */
export function keepAbove(normal: Vec3, point: Vec3): Plane {
  return keepBelow(scale(normal, -1), point);
}

/**
 * A solid before it gets a material: unit shape, placement by three semi-axis vectors (patient
 * frame, mm) and half-spaces in the patient frame. Clips are kept in world form here so a shell and
 * its slightly smaller core can share them exactly.
 */
export interface Shape {
  kind: 'ellipsoid' | 'cylinder';
  center: Vec3;
  axes: readonly [Vec3, Vec3, Vec3];
  planes?: readonly Plane[];
}

export type PrimitiveExtra = Partial<
  Pick<Primitive, 'textured' | 'structure' | 'level' | 'maskGroup' | 'name'>
>;

export function toPrimitive(shape: Shape, material: MaterialWeights, extra: PrimitiveExtra = {}): Primitive {
  const axes = fromColumns(shape.axes[0], shape.axes[1], shape.axes[2]);
  const clips = (shape.planes ?? []).map((plane) => localClip(axes, shape.center, plane));
  return {
    kind: shape.kind,
    center: shape.center,
    axes,
    material,
    ...(clips.length ? { clips } : {}),
    ...extra,
  };
}

/** p = A·q + c, so n·p ≤ k becomes (Aᵀn)·q ≤ k − n·c in the unit shape's coordinates. */
function localClip(axes: Mat3, center: Vec3, plane: Plane): Clip {
  return { normal: mulVec(transpose(axes), plane.normal), offset: plane.offset - dot(plane.normal, center) };
}

/** The same shape with every semi-axis shortened by `t` mm (those flagged in `keep` are left alone). */
export function inset(
  shape: Shape,
  t: number,
  keep: readonly [boolean, boolean, boolean] = [false, false, false],
): Shape {
  const axes = shape.axes.map((a, i) => {
    if (keep[i]) return a;
    const length = norm(a);
    return scale(a, Math.max(0.2, length - t) / length);
  }) as unknown as [Vec3, Vec3, Vec3];
  return { ...shape, axes };
}

export function smallestSemiAxis(shape: Shape): number {
  return Math.min(...shape.axes.map(norm));
}

/** Rigid rotation of a finished primitive about `pivot` (clips are local, so they stay valid). */
export function rotatePrimitive(p: Primitive, rotation: Mat3, pivot: Vec3): Primitive {
  const center = add(pivot, mulVec(rotation, sub(p.center, pivot)));
  const cols = [0, 1, 2].map((j) => mulVec(rotation, [p.axes[j], p.axes[3 + j], p.axes[6 + j]]));
  return { ...p, center, axes: fromColumns(cols[0], cols[1], cols[2]) };
}

/** Whether a point lies inside a primitive (unit shape and clips), for placing gas clear of bone. */
export function containsPoint(p: Primitive & { inverse?: Mat3 }, point: Vec3): boolean {
  if (p.kind === 'disc') return false;
  const q = mulVec(p.inverse ?? invert(p.axes), sub(point, p.center));
  const inside =
    p.kind === 'ellipsoid' ? dot(q, q) <= 1 : q[0] * q[0] + q[1] * q[1] <= 1 && Math.abs(q[2]) <= 1;
  return inside && (p.clips ?? []).every((c) => dot(c.normal, q) <= c.offset);
}
