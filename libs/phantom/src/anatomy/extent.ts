import type { Primitive } from '../geometry/primitive.js';

/**
 * Upper bound of a primitive's extent along a patient axis (0 = x, 1 = y, 2 = z) in direction
 * `sign`: centre plus the sum of the semi-axis components, which bounds an ellipsoid and a
 * capped cylinder alike.
 */
export function reach(p: Primitive, axis: 0 | 1 | 2, sign: 1 | -1): number {
  const row = axis * 3;
  return (
    p.center[axis] + sign * (Math.abs(p.axes[row]) + Math.abs(p.axes[row + 1]) + Math.abs(p.axes[row + 2]))
  );
}

/** Farthest lateral reach |x| of a set of primitives. */
export function lateralReach(prims: readonly Primitive[]): number {
  return Math.max(0, ...prims.map((p) => Math.max(reach(p, 0, 1), -reach(p, 0, -1))));
}
