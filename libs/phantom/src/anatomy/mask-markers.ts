import type { Primitive } from '../geometry/primitive.js';
import {
  type Vec3,
  add,
  column,
  cross,
  fromColumns,
  lerp,
  mulVec,
  norm,
  normalize,
  scale,
  sub,
} from '../geometry/vec.js';
import { NO_ATTENUATION } from './materials.js';
import { toPrimitive } from './shape.js';
import type { SpineColumn, VertebraGeometry } from './spine-column.js';
import type { Ellipse3, VertebraLandmarks } from './types.js';

/**
 * L3's endplates as zero-thickness, zero-weight discs: the double-contour mask is the area their
 * projections sweep, which vanishes when the beam runs along the endplates.
 */
export function endplateMarkers(l3: VertebraLandmarks): Primitive[] {
  const normal = column(l3.frame, 2);
  const disc = (e: Ellipse3, name: string): Primitive => ({
    kind: 'disc',
    center: e.center,
    axes: fromColumns(e.axisA, e.axisB, normal),
    material: NO_ATTENUATION,
    structure: 'l3-double-contour',
    name,
  });
  return [disc(l3.upperEndplate, 'L3 upper endplate'), disc(l3.lowerEndplate, 'L3 lower endplate')];
}

/**
 * Intervertebral foramina T12/L1 … L5/S1 as zero-weight ellipsoids, left and right sharing one mask
 * group: the opening "shows" only where a ray passes through both, as on a true lateral.
 */
export function foramenMarkers(spine: SpineColumn): Primitive[] {
  const out: Primitive[] = [];
  const vs = spine.vertebrae;
  for (let i = vs.indexOf(vs.find((v) => v.level === 'T12')!); i < vs.length; i++) {
    const upper = vs[i];
    const lower = vs[i + 1];
    const lowerName = lower?.level ?? 'S1';
    for (const side of [1, -1] as const) {
      const bottomOfUpper = pedicleEnd(upper, side, -1);
      const topOfLower = lower ? pedicleEnd(lower, side, 1) : s1PedicleTop(spine, side);
      const centre = lerp(bottomOfUpper, topOfLower, 0.5);
      const gap = norm(sub(bottomOfUpper, topOfLower));
      const k = (upper.halfWidth + (lower?.halfWidth ?? spine.s1.halfWidth)) / 2 / 23;
      const vertical = normalize(sub(bottomOfUpper, topOfLower));
      const lateral0 = normalize(
        add(column(upper.frame, 0), lower ? column(lower.frame, 0) : column(spine.s1.frame, 0)),
      );
      const anterior = normalize(cross(vertical, lateral0));
      const lateral = cross(anterior, vertical);
      out.push(
        toPrimitive(
          {
            kind: 'ellipsoid',
            center: centre,
            axes: [
              scale(lateral, 6 * k),
              scale(anterior, 7 * k),
              scale(vertical, Math.min(9 * k, 0.45 * gap)),
            ],
          },
          NO_ATTENUATION,
          {
            structure: 'intervertebral-foramen',
            maskGroup: `foramen-${upper.level}-${lowerName}`,
            name: `${upper.level}/${lowerName} foramen ${side === 1 ? 'left' : 'right'}`,
          },
        ),
      );
    }
  }
  return out;
}

/** Top (end = 1) or bottom (end = −1) of a pedicle, whose centre is the landmark. */
function pedicleEnd(v: VertebraGeometry, side: 1 | -1, end: 1 | -1): Vec3 {
  const local: Vec3 = [
    side * 0.62 * v.halfWidth,
    -(v.halfDepth + 5),
    0.25 * v.halfHeight + end * 0.58 * v.halfHeight,
  ];
  return add(v.center, mulVec(v.frame, local));
}

/** S1's pedicles rise to about the level of its endplate. */
function s1PedicleTop(c: SpineColumn, side: 1 | -1): Vec3 {
  return add(c.s1.center, mulVec(c.s1.frame, [side * 0.62 * c.s1.halfWidth, -(c.s1.halfDepth + 5), 0]));
}
