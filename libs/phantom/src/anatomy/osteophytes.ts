import type { Primitive } from '../geometry/primitive.js';
import { type Vec3, add, mulVec, normalize, scale } from '../geometry/vec.js';
import type { Rng } from '../random.js';
import { bone } from './bone.js';
import type { VertebraGeometry } from './spine-column.js';

/**
 * Marginal osteophytes: small bony spurs at the lateral and anterior rims of the endplates next to
 * narrowed lumbar discs, more of them the older the patient and the thinner the disc.
 */
export function buildOsteophytes(
  vertebrae: readonly VertebraGeometry[],
  ageYears: number,
  discHeightScale: number,
  o: { cortex: number; density: number; sizeScale: number },
  rng: Rng,
): Primitive[] {
  const chance =
    Math.min(0.8, Math.max(0, (ageYears - 45) / 40)) * Math.min(1, Math.max(0, 1.25 - discHeightScale));
  const out: Primitive[] = [];
  for (const v of vertebrae) {
    if (v.index < 6) continue;
    for (const end of [1, -1] as const) {
      for (const corner of [1, -1, 0] as const) {
        if (!rng.bool(chance)) continue;
        const local: Vec3 =
          corner === 0
            ? [rng.uniform(-0.3, 0.3) * v.halfWidth, v.halfDepth, end * (v.halfHeight - 1)]
            : [corner * v.halfWidth, rng.uniform(-0.2, 0.5) * v.halfDepth, end * (v.halfHeight - 1)];
        const outward = normalize(mulVec(v.frame, [corner, corner === 0 ? 1 : 0.2, end * 0.7]));
        const size = rng.uniform(2, 4.5) * o.sizeScale;
        const centre = add(add(v.center, mulVec(v.frame, local)), scale(outward, size * 0.6));
        const up = normalize(mulVec(v.frame, [0, 0, 1]));
        const side = normalize(mulVec(v.frame, corner === 0 ? [1, 0, 0] : [0, 1, 0]));
        out.push(
          ...bone(
            {
              kind: 'ellipsoid',
              center: centre,
              axes: [scale(outward, size), scale(up, size * 0.7), scale(side, size * 0.9)],
            },
            { cortex: o.cortex, density: o.density, name: `${v.level} osteophyte` },
          ),
        );
      }
    }
  }
  return out;
}
