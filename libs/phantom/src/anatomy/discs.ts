import type { Primitive } from '../geometry/primitive.js';
import { add, column, cross, dot, lerp, norm, normalize, scale, sub } from '../geometry/vec.js';
import { softTissue } from './materials.js';
import { keepAbove, keepBelow, toPrimitive } from './shape.js';
import type { DiscSpace } from './spine-column.js';

/** Discs are a little denser than the tissue around them. */
const DISC = softTissue(0.1);

/**
 * An intervertebral disc: an elliptic cylinder long enough to span the wedge, cut by both endplate
 * planes so it fills the space between two tilted endplates exactly (L5/S1 comes out wedge-shaped).
 */
export function buildDisc(space: DiscSpace): Primitive {
  const axis = normalize(add(space.upperNormal, space.lowerNormal));
  const lateralHint = column(space.frame, 0);
  const lateral = normalize(sub(lateralHint, scale(axis, dot(lateralHint, axis))));
  const anterior = cross(axis, lateral);
  const wedge = Math.acos(Math.min(1, dot(space.upperNormal, space.lowerNormal)));
  const margin = Math.max(space.halfWidth, space.halfDepth) * Math.tan(wedge / 2) + 1;
  const half = norm(sub(space.upperCenter, space.lowerCenter)) / 2 + margin;
  return toPrimitive(
    {
      kind: 'cylinder',
      center: lerp(space.upperCenter, space.lowerCenter, 0.5),
      axes: [
        scale(lateral, 0.98 * space.halfWidth),
        scale(anterior, 0.98 * space.halfDepth),
        scale(axis, half),
      ],
      planes: [
        keepBelow(space.upperNormal, space.upperCenter),
        keepAbove(space.lowerNormal, space.lowerCenter),
      ],
    },
    DISC,
    { name: `${space.name} disc` },
  );
}
