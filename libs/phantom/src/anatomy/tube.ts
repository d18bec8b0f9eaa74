import { type Vec3, add, cross, dot, lerp, norm, normalize, scale, sub } from '../geometry/vec.js';
import { keepAbove, keepBelow, type Plane, type Shape } from './shape.js';

/** One station of a tube: centre line point, semi-axes of its cross-section, and where the thin one points. */
export interface TubeNode {
  point: Vec3;
  wide: number;
  thin: number;
  /** Approximate direction of the thin semi-axis (made perpendicular to the tube here). */
  thinDir: Vec3;
}

/**
 * A bent tube (rib, pubic ramus, rod) as straight elliptic cylinders cut by the bisecting planes at
 * every joint, so the pieces tile the tube exactly: no overlap (which would double the density) and
 * no gap.
 */
export function tubeShapes(nodes: readonly TubeNode[]): Shape[] {
  const dirs = nodes.slice(1).map((n, i) => normalize(sub(n.point, nodes[i].point)));
  const shapes: Shape[] = [];
  for (let i = 0; i < dirs.length; i++) {
    const a = nodes[i];
    const b = nodes[i + 1];
    const t = dirs[i];
    const wide = (a.wide + b.wide) / 2;
    const thin = (a.thin + b.thin) / 2;
    const thinHint = add(a.thinDir, b.thinDir);
    let v = sub(thinHint, scale(t, dot(thinHint, t)));
    if (norm(v) < 1e-6) v = anyPerpendicular(t);
    v = normalize(v);
    const u = cross(v, t);
    const bend = (j: number) => (j < 0 || j >= dirs.length ? 0 : Math.acos(Math.min(1, dot(dirs[j], t))));
    const margin =
      Math.max(wide, thin) * Math.tan(Math.min(1.2, Math.max(bend(i - 1), bend(i + 1))) / 2) + 0.5;
    const half = norm(sub(b.point, a.point)) / 2 + margin;
    const planes: Plane[] = [];
    if (i > 0) planes.push(keepAbove(normalize(add(dirs[i - 1], t)), a.point));
    if (i < dirs.length - 1) planes.push(keepBelow(normalize(add(t, dirs[i + 1])), b.point));
    shapes.push({
      kind: 'cylinder',
      center: lerp(a.point, b.point, 0.5),
      axes: [scale(u, wide), scale(v, thin), scale(t, half)],
      planes,
    });
  }
  return shapes;
}

function anyPerpendicular(t: Vec3): Vec3 {
  return Math.abs(t[2]) < 0.9 ? cross(t, [0, 0, 1]) : cross(t, [1, 0, 0]);
}

/** Uniform Catmull–Rom curve through the control points, `perSpan` samples per span. */
export function smoothCurve(control: readonly Vec3[], perSpan: number): Vec3[] {
  const out: Vec3[] = [];
  const at = (i: number) => control[Math.max(0, Math.min(control.length - 1, i))];
  for (let i = 0; i < control.length - 1; i++) {
    const p0 = at(i - 1);
    const p1 = at(i);
    const p2 = at(i + 1);
    const p3 = at(i + 2);
    for (let k = 0; k < perSpan; k++) {
      const t = k / perSpan;
      const t2 = t * t;
      const t3 = t2 * t;
      const c = (a: number, b: number, cc: number, d: number) =>
        0.5 * (2 * b + (-a + cc) * t + (2 * a - 5 * b + 4 * cc - d) * t2 + (-a + 3 * b - 3 * cc + d) * t3);
      out.push([c(p0[0], p1[0], p2[0], p3[0]), c(p0[1], p1[1], p2[1], p3[1]), c(p0[2], p1[2], p2[2], p3[2])]);
    }
  }
  out.push(control[control.length - 1]);
  return out;
}
