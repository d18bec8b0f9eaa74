import type { Primitive } from '../geometry/primitive.js';
import { type Vec3, add, mulVec, normalize } from '../geometry/vec.js';
import { bone } from './bone.js';
import type { VertebraGeometry } from './spine-column.js';
import { tubeShapes, type TubeNode } from './tube.js';

export interface RibBone {
  cortex: number;
  density: number;
  sizeScale: number;
  /** Rib cage girth relative to average (≈ 0.85 slender … 1.15 broad), lateral and front-to-back. */
  widthFactor: number;
  depthFactor: number;
}

/** Per rib T6…T12 (unscaled mm / rad): rib-cage semi-axes, angle where the bony rib ends, drop at the front, segments. */
const RIBS = [
  { lateral: 108, depth: 92, end: 2.35, drop: 105, segments: 9 },
  { lateral: 117, depth: 96, end: 2.4, drop: 110, segments: 9 },
  { lateral: 124, depth: 98, end: 2.4, drop: 112, segments: 9 },
  { lateral: 128, depth: 99, end: 2.35, drop: 115, segments: 9 },
  { lateral: 130, depth: 99, end: 2.2, drop: 118, segments: 9 },
  { lateral: 128, depth: 95, end: 1.65, drop: 135, segments: 7 },
  { lateral: 118, depth: 85, end: 1.05, drop: 160, segments: 5 },
];

/**
 * Ribs of T6…T12 as bent cortical tubes: head at the body, neck to the tubercle at the transverse
 * process, then round the rib cage (an ellipse in the vertebra's own frame, so ribs follow a
 * scoliotic rotation) and down toward the front. T11 and T12 are short floating ribs.
 */
export function buildRibs(vertebrae: readonly VertebraGeometry[], o: RibBone): Primitive[] {
  const s = o.sizeScale;
  const prims: Primitive[] = [];
  for (const v of vertebrae) {
    if (v.index > 6) continue;
    const rib = RIBS[v.index];
    const floating = v.index >= 5;
    const toWorld = (q: Vec3): Vec3 => add(v.center, mulVec(v.frame, q));
    const dirWorld = (q: Vec3): Vec3 => normalize(mulVec(v.frame, q));
    const a = rib.lateral * s * o.widthFactor;
    const b = rib.depth * s * o.depthFactor;
    const yCentre = -(v.halfDepth + 30 * s) + b;
    for (const side of [1, -1] as const) {
      const tubercle: Vec3 = [side * (v.halfWidth + 18 * s), -(v.halfDepth + 21 * s), 0.25 * v.halfHeight];
      const head: Vec3 = [side * 0.95 * v.halfWidth, -0.5 * v.halfDepth, 0.45 * v.halfHeight];
      const start = Math.asin(Math.min(0.95, Math.abs(tubercle[0]) / a));
      const nodes: TubeNode[] = [
        { point: toWorld(head), wide: 5 * s, thin: 4.5 * s, thinDir: dirWorld([0, 1, 0]) },
        { point: toWorld(tubercle), wide: 5.5 * s, thin: 4.5 * s, thinDir: dirWorld([side, -0.3, 0]) },
      ];
      for (let k = 1; k <= rib.segments; k++) {
        const u = k / rib.segments;
        const alpha = start + (rib.end - start) * u;
        const along = (alpha - start) / (Math.PI - start);
        const drop = rib.drop * s * along * (0.6 + 0.4 * along);
        const x = side * a * Math.sin(alpha);
        const y = yCentre - b * Math.cos(alpha);
        const radial: Vec3 = [x / (a * a), (y - yCentre) / (b * b), 0];
        const taper = floating ? 0.85 : 1;
        nodes.push({
          point: toWorld([x, y, tubercle[2] - drop]),
          wide: (5.5 + 2 * u) * s * taper,
          thin: (4.5 - 1.5 * u) * s * taper,
          thinDir: dirWorld(radial),
        });
      }
      const name = `${v.level} rib ${side === 1 ? 'left' : 'right'}`;
      for (const shape of tubeShapes(nodes))
        prims.push(...bone(shape, { cortex: o.cortex, density: o.density, openEnds: true, name }));
    }
  }
  return prims;
}
