import type { Primitive } from '../geometry/primitive.js';
import { type Mat3, type Vec3, add, cross, mulVec, norm, normalize, scale, sub } from '../geometry/vec.js';
import { bone } from './bone.js';
import { CORTICAL } from './materials.js';
import { keepAbove, keepBelow, toPrimitive } from './shape.js';

export interface FemurPlacement {
  head: Vec3;
  side: 1 | -1;
  headRadius: number;
  /** Patient frame orientation of the thigh (the pelvis's axial rotation). */
  rotation: Mat3;
  scale: number;
  cortex: number;
  density: number;
}

/**
 * Proximal femur: head (sphere), neck (tube at 130° to the shaft, 12° anteversion), greater and
 * lesser trochanters and the shaft as a cortical tube with a marrow canal, down to mid-thigh.
 */
export function buildFemur(o: FemurPlacement): Primitive[] {
  const s = o.scale;
  const d = (x: number, y: number, z: number): Vec3 => normalize(mulVec(o.rotation, [o.side * x, y, z]));
  const shell = { cortex: o.cortex, density: o.density };
  const name = (part: string) => `femoral ${part} ${o.side === 1 ? 'left' : 'right'}`;
  const shaftUp = d(Math.sin((8 * Math.PI) / 180), 0, Math.cos((8 * Math.PI) / 180));
  const neckDir = normalize(
    add(d(-Math.sin((42 * Math.PI) / 180), 0, Math.cos((42 * Math.PI) / 180)), scale(d(0, 1, 0), 0.16)),
  );
  const neckLength = 55 * s;
  const junction = add(o.head, scale(neckDir, -neckLength));
  const r = o.headRadius;
  const headCut = add(o.head, scale(neckDir, -0.55 * r));
  const shaftTop = add(junction, scale(shaftUp, -12 * s));
  const prims: Primitive[] = [];

  prims.push(
    ...bone(
      {
        kind: 'ellipsoid',
        center: o.head,
        axes: [
          [r, 0, 0],
          [0, r, 0],
          [0, 0, r],
        ],
        planes: [keepAbove(neckDir, headCut)],
      },
      { ...shell, name: name('head') },
    ),
  );
  // Neck and intertrochanteric region: one ellipsoid from the head to past the shaft axis, cut where
  // the head and the shaft take over so nothing is counted twice.
  const neckFar = add(junction, scale(neckDir, -16 * s));
  const neckCentre = scale(add(headCut, neckFar), 0.5);
  const neckAcross = normalize(cross(neckDir, d(0, 1, 0)));
  const neckFront = cross(neckAcross, neckDir);
  prims.push(
    ...bone(
      {
        kind: 'ellipsoid',
        center: neckCentre,
        axes: [
          scale(neckAcross, 17 * s),
          scale(neckFront, 14 * s),
          scale(neckDir, norm(sub(headCut, neckFar)) / 2 + 6 * s),
        ],
        planes: [keepBelow(neckDir, headCut), keepAbove(shaftUp, shaftTop)],
      },
      { ...shell, name: name('neck') },
    ),
  );
  prims.push(
    ...bone(
      {
        kind: 'ellipsoid',
        center: add(add(junction, scale(d(1, 0, 0), 20 * s)), scale(shaftUp, 2 * s)),
        axes: [scale(d(1, 0, 0), 13 * s), scale(d(0, 1, 0), 18 * s), scale(shaftUp, 22 * s)],
        planes: [keepAbove(d(1, 0, 0), add(junction, scale(d(1, 0, 0), 9 * s)))],
      },
      { ...shell, name: name('greater trochanter') },
    ),
  );
  prims.push(
    ...bone(
      {
        kind: 'ellipsoid',
        center: add(
          add(junction, scale(shaftUp, -42 * s)),
          add(scale(d(-1, 0, 0), 15 * s), scale(d(0, -1, 0), 7 * s)),
        ),
        axes: [scale(d(1, 0, 0), 7 * s), scale(d(0, 1, 0), 7 * s), scale(shaftUp, 10 * s)],
        planes: [keepAbove(d(-1, 0, 0), add(junction, scale(d(-1, 0, 0), 12 * s)))],
      },
      { ...shell, name: name('lesser trochanter') },
    ),
  );
  // Shaft: a cancellous metaphysis below the trochanters, then a cortical tube with fatty marrow to mid-thigh.
  const across = normalize(cross(shaftUp, d(0, 1, 0)));
  const front = cross(across, shaftUp);
  const metaphysisLength = 45 * s;
  const tube = (radius: number, half: number) =>
    [scale(across, radius), scale(front, radius), scale(shaftUp, half)] as [Vec3, Vec3, Vec3];
  prims.push(
    ...bone(
      {
        kind: 'cylinder',
        center: add(shaftTop, scale(shaftUp, -metaphysisLength / 2)),
        axes: tube(15 * s, metaphysisLength / 2),
      },
      { ...shell, openEnds: true, name: name('metaphysis') },
    ),
  );
  const shaftLength = 230 * s;
  const shaftCentre = add(shaftTop, scale(shaftUp, -metaphysisLength - shaftLength / 2));
  prims.push(
    toPrimitive({ kind: 'cylinder', center: shaftCentre, axes: tube(14 * s, shaftLength / 2) }, CORTICAL, {
      name: name('shaft'),
    }),
    toPrimitive(
      { kind: 'cylinder', center: shaftCentre, axes: tube(8.5 * s, shaftLength / 2) },
      { bone: -1, water: 0.95, metal: 0 },
    ),
  );
  return prims;
}
