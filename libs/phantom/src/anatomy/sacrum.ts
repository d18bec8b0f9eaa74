import type { Primitive } from '../geometry/primitive.js';
import { type Vec3, add, column, cross, dot, lerp, normalize, scale, sub } from '../geometry/vec.js';
import { bone } from './bone.js';
import { averagedBone } from './materials.js';
import { keepAbove, keepBelow, toPrimitive, type Plane, type Shape } from './shape.js';
import type { SpineColumn } from './spine-column.js';
import type { Anatomy } from './types.js';

export interface SacrumBone {
  cortex: number;
  density: number;
  sizeScale: number;
}

export interface BuiltSacrum {
  primitives: Primitive[];
  landmarks: Anatomy['sacrum'];
  /** The sacrum's lateral borders where the ilia meet it: plane through the joint, normal pointing laterally. */
  sacroiliac: { left: Plane; right: Plane };
}

/** Per segment S1…S5 (unscaled mm): length along the curve, body semi-axes, forward bend below it (deg). */
const SEGMENTS = [
  { length: 28, halfWidth: 0, halfDepth: 0, bendBelow: 6 },
  { length: 24, halfWidth: 20, halfDepth: 14, bendBelow: 12 },
  { length: 20, halfWidth: 15, halfDepth: 11, bendBelow: 15 },
  { length: 16, halfWidth: 11, halfDepth: 8.5, bendBelow: 15 },
  { length: 13, halfWidth: 7.5, halfDepth: 6.5, bendBelow: 15 },
];
const COCCYX = [
  { length: 10, halfWidth: 8, halfDepth: 5 },
  { length: 9, halfWidth: 6.5, halfDepth: 4.5 },
  { length: 8, halfWidth: 5, halfDepth: 4 },
  { length: 7, halfWidth: 4, halfDepth: 3.5 },
];
/** Half width of the sacrum at the top of S1 and at the apex (unscaled mm): its borders taper straight. */
const BASE_HALF_WIDTH = 54;
const APEX_HALF_WIDTH = 9;

/**
 * Sacrum S1–S5, fused, a broad triangle tapering to its apex and curving forward (concave
 * anteriorly), then 4 coccygeal pieces. S1's body has a modelled cortex (its endplate matters);
 * below it each fused segment is one wide slab of bone at an averaged density — bodies and lateral
 * masses together, so the fused joints draw no artificial rims — cut by the bisecting planes at the
 * joints and by the two straight lateral borders. The alae flank S1, sloping down from its endplate.
 * The anterior foramina are holes through the slabs beside the bodies.
 */
export function buildSacrum(spine: SpineColumn, o: SacrumBone): BuiltSacrum {
  const s = o.sizeScale;
  const lateral = column(spine.s1.frame, 0);
  const s1Cranial = column(spine.s1.frame, 2);
  const s1Anterior = column(spine.s1.frame, 1);
  const fusedFraction = 0.12 + 0.9 * o.density;
  const fused = averagedBone(fusedFraction);
  const prims: Primitive[] = [];
  let top = spine.s1.center;
  let down = scale(s1Cranial, -1);
  const tops: Vec3[] = [];
  const downs: Vec3[] = [];
  for (const seg of SEGMENTS) {
    tops.push(top);
    downs.push(down);
    top = add(top, scale(down, seg.length * s));
    down = bendForward(down, lateral, seg.bendBelow);
  }
  tops.push(top);
  // Fraction of the way down the sacrum at the top of each segment, and the slab half widths there:
  // the slab's ellipse reaches past the borders so the lateral masses keep some thickness at them.
  const progress = SEGMENTS.map(
    (_, j) =>
      SEGMENTS.slice(0, j).reduce((sum, seg) => sum + seg.length, 0) /
      SEGMENTS.reduce((sum, seg) => sum + seg.length, 0),
  );
  const slabHalfWidths = progress.map((t) => 1.25 * BASE_HALF_WIDTH * s * (1 - 0.8 * t));
  const widths = SEGMENTS.map((seg, j) => (j === 0 ? spine.s1.halfWidth : seg.halfWidth * s));
  const depths = SEGMENTS.map((seg, j) => (j === 0 ? spine.s1.halfDepth : seg.halfDepth * s));

  // Straight lateral borders from the base to the apex, in the plane of S1's frame.
  const length = SEGMENTS.reduce((sum, seg) => sum + seg.length, 0) * s;
  const border = (side: 1 | -1): Plane => {
    const baseEdge = add(spine.s1.center, scale(lateral, side * BASE_HALF_WIDTH * s));
    const apexEdge = add(
      add(spine.s1.center, scale(lateral, side * APEX_HALF_WIDTH * s)),
      scale(s1Cranial, -length),
    );
    const normal = normalize(cross(sub(apexEdge, baseEdge), s1Anterior));
    const outward = dot(normal, lateral) * side > 0 ? normal : scale(normal, -1);
    return keepBelow(outward, baseEdge);
  };
  const borders = { left: border(1), right: border(-1) };

  SEGMENTS.forEach((seg, j) => {
    const cranial = scale(downs[j], -1);
    const anterior = cross(cranial, lateral);
    const joints: Plane[] = [];
    if (j > 0) joints.push(keepBelow(normalize(add(scale(downs[j - 1], -1), cranial)), tops[j]));
    if (j < SEGMENTS.length - 1)
      joints.push(keepAbove(normalize(add(cranial, scale(downs[j + 1], -1))), tops[j + 1]));
    const bend = Math.max(j > 0 ? SEGMENTS[j - 1].bendBelow : 0, seg.bendBelow);
    const dorsal = (12 - 1.6 * j) * s;
    const halfLength =
      (seg.length * s) / 2 + (depths[j] + dorsal + 6 * s) * Math.tan((bend * Math.PI) / 360) + 0.5;
    const mid = lerp(tops[j], tops[j + 1], 0.5);
    const name = `S${j + 1}`;
    const slab = (center: Vec3, extra: Plane[]): Shape => ({
      kind: 'cylinder',
      center,
      axes: [
        scale(lateral, Math.max(slabHalfWidths[j], widths[j] + 2)),
        scale(anterior, depths[j] * 1.1),
        scale(cranial, halfLength),
      ],
      planes: [...joints, borders.left, borders.right, ...extra],
    });
    if (j === 0) {
      // S1: the body keeps its cortical endplate; the alae beside it slope down from the endplate.
      const body: Shape = {
        kind: 'cylinder',
        center: add(tops[0], scale(downs[0], halfLength)),
        axes: [scale(lateral, widths[0]), scale(anterior, depths[0]), scale(cranial, halfLength)],
        planes: joints,
      };
      prims.push(
        ...bone(body, { cortex: o.cortex, density: o.density, structure: 'sacrum', name: `${name} body` }),
      );
      for (const side of [1, -1] as const) {
        const sideLateral = scale(lateral, side);
        const ala = slab(add(mid, scale(anterior, -0.25 * depths[0])), [
          keepAbove(sideLateral, add(tops[0], scale(sideLateral, 0.97 * widths[0]))),
          keepBelow(
            normalize(add(s1Cranial, scale(sideLateral, 0.3))),
            add(tops[0], scale(sideLateral, widths[0])),
          ),
        ]);
        prims.push(
          toPrimitive(ala, fused, {
            structure: 'sacrum',
            name: `sacral ala ${side === 1 ? 'left' : 'right'}`,
          }),
        );
      }
    } else {
      prims.push(
        toPrimitive(slab(add(mid, scale(anterior, -0.1 * depths[j])), []), fused, {
          structure: 'sacrum',
          name: `${name} segment`,
        }),
      );
    }
    if (j < 4) {
      // Dorsal wall of the sacral canal with the median crest.
      const wall: Shape = {
        kind: 'cylinder',
        center: add(mid, scale(anterior, -(depths[j] + dorsal - 3 * s))),
        axes: [scale(lateral, 0.8 * widths[j]), scale(anterior, 4 * s), scale(cranial, halfLength)],
        planes: j === 0 ? [...joints, keepBelow(cranial, tops[0])] : joints,
      };
      prims.push(toPrimitive(wall, averagedBone(0.45), { structure: 'sacrum', name: `${name} dorsal wall` }));
    }
  });

  // Anterior sacral foramina S1/2 … S4/5: holes through the slab just lateral to the bodies, inside
  // the segment below each fused joint, never reaching past the slab's faces.
  for (const side of [1, -1] as const) {
    for (let k = 1; k <= 4; k++) {
      const cranial = scale(downs[k], -1);
      const anterior = cross(cranial, lateral);
      const radius = (5.2 - 0.6 * k) * s;
      const x = widths[k] + 0.6 * radius;
      const semiX = Math.max(slabHalfWidths[k], widths[k] + 2);
      const halfLength = 0.75 * depths[k] * 1.1 * Math.sqrt(Math.max(0, 1 - ((x + radius) / semiX) ** 2));
      const centre = add(
        add(add(tops[k], scale(downs[k], radius + 1.5 * s)), scale(lateral, side * x)),
        scale(anterior, -0.1 * depths[k]),
      );
      prims.push(
        toPrimitive(
          {
            kind: 'cylinder',
            center: centre,
            axes: [scale(lateral, radius), scale(cranial, radius), scale(anterior, halfLength)],
          },
          averagedBone(-fusedFraction),
          { name: `sacral foramen S${k} ${side === 1 ? 'left' : 'right'}` },
        ),
      );
    }
  }

  // Coccyx: small separate pieces continuing the curve.
  let point = add(tops[SEGMENTS.length], scale(down, 2 * s));
  for (const [k, piece] of COCCYX.entries()) {
    const cranial = scale(down, -1);
    const anterior = cross(cranial, lateral);
    const pieceLength = piece.length * s;
    prims.push(
      toPrimitive(
        {
          kind: 'ellipsoid',
          center: add(point, scale(down, pieceLength / 2)),
          axes: [
            scale(lateral, piece.halfWidth * s),
            scale(anterior, piece.halfDepth * s),
            scale(cranial, pieceLength / 2),
          ],
        },
        fused,
        { structure: 'sacrum', name: `coccyx ${k + 1}` },
      ),
    );
    point = add(point, scale(down, pieceLength + (k < COCCYX.length - 1 ? 1.5 * s : 0)));
    down = bendForward(down, lateral, 15);
  }

  return {
    primitives: prims,
    landmarks: {
      s1Center: spine.s1.center,
      s1Endplate: {
        center: spine.s1.center,
        axisA: scale(lateral, widths[0]),
        axisB: scale(s1Anterior, depths[0]),
      },
      tip: point,
    },
    sacroiliac: borders,
  };
}

/** Turn a downward direction toward the front by `deg` about the lateral axis. */
function bendForward(down: Vec3, lateral: Vec3, deg: number): Vec3 {
  const forward = cross(lateral, down);
  const a = (deg * Math.PI) / 180;
  return normalize(add(scale(down, Math.cos(a)), scale(forward, Math.sin(a))));
}
