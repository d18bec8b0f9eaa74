import type { Primitive } from '../geometry/primitive.js';
import {
  type Vec3,
  add,
  column,
  cross,
  mulMat,
  mulVec,
  normalize,
  rotX,
  rotY,
  rotZ,
  scale,
  sub,
} from '../geometry/vec.js';
import type { Rng } from '../random.js';
import { TITANIUM } from './materials.js';
import { toPrimitive } from './shape.js';
import type { BodySlab } from './soft-tissue.js';
import type { VertebraGeometry } from './spine-column.js';
import { tubeShapes } from './tube.js';
import type { PatientParams } from './types.js';
import { pedicleAxis, pedicleHalfLength } from './vertebra.js';

export interface ImplantInput {
  params: PatientParams;
  vertebrae: readonly VertebraGeometry[];
  abdomen: BodySlab;
  density: number;
}

/**
 * Metal the patient carries: pedicle screws through both pedicles of each instrumented level with
 * tulip heads, rods joining the heads on each side, surgical clips in the gallbladder bed, an
 * umbilical piercing.
 */
export function buildImplants(input: ImplantInput, rng: Rng): Primitive[] {
  const { params: p, vertebrae, abdomen } = input;
  const out: Primitive[] = [];
  const wants = (k: PatientParams['implants'][number]) => p.implants.includes(k);
  const instrumented = vertebrae.filter((v) => p.instrumentedLevels.includes(v.level));
  const heads: Record<1 | -1, Vec3[]> = { 1: [], [-1]: [] };
  if (wants('pedicle-screws') || wants('rods')) {
    // A screw inside bone replaces cancellous bone and marrow, not soft tissue.
    const inBone = { bone: -input.density, water: -(1 - input.density), metal: 1 };
    for (const v of instrumented) {
      for (const side of [1, -1] as const) {
        const axis = pedicleAxis(v, side);
        const pedicleCentre = add(
          v.center,
          mulVec(v.frame, [side * 0.62 * v.halfWidth, -(v.halfDepth + 5), 0.25 * v.halfHeight]),
        );
        const entry = add(pedicleCentre, scale(axis, -(pedicleHalfLength(v) + 4)));
        const length = 45;
        const across = normalize(cross(axis, column(v.frame, 2)));
        const up = cross(axis, across);
        out.push(
          toPrimitive(
            {
              kind: 'cylinder',
              center: add(entry, scale(axis, length / 2)),
              axes: [scale(across, 3.25), scale(up, 3.25), scale(axis, length / 2)],
            },
            inBone,
            { name: `${v.level} pedicle screw ${side === 1 ? 'left' : 'right'}` },
          ),
        );
        const head = add(entry, scale(axis, -6));
        heads[side].push(head);
        out.push(
          toPrimitive(
            { kind: 'ellipsoid', center: head, axes: [scale(across, 6.5), scale(up, 6.5), scale(axis, 7)] },
            { bone: 0, water: -0.6, metal: 0.6 },
            { name: `${v.level} screw head ${side === 1 ? 'left' : 'right'}` },
          ),
        );
      }
    }
  }
  if (wants('rods') && instrumented.length >= 2) {
    for (const side of [1, -1] as const) {
      const points = heads[side];
      const first = points[0];
      const last = points[points.length - 1];
      const along = normalize(sub(last, first));
      const nodes = [add(first, scale(along, -8)), ...points, add(last, scale(along, 8))].map((point) => ({
        point,
        wide: 2.75,
        thin: 2.75,
        thinDir: [1, 0, 0] as Vec3,
      }));
      for (const shape of tubeShapes(nodes))
        out.push(toPrimitive(shape, TITANIUM, { name: `rod ${side === 1 ? 'left' : 'right'}` }));
    }
  }
  const innerX = abdomen.halfWidth - p.fatThicknessMm;
  const innerY = abdomen.halfDepth - p.fatThicknessMm;
  if (wants('surgical-clips')) {
    const l1 = vertebrae.find((v) => v.level === 'L1')!;
    const bed: Vec3 = [-0.38 * innerX, abdomen.centerY + 0.35 * innerY, l1.center[2] + 10];
    const count = rng.int(3, 7);
    for (let k = 0; k < count; k++) {
      const r = mulMat(
        rotZ(rng.uniform(0, 180)),
        mulMat(rotY(rng.uniform(0, 180)), rotX(rng.uniform(0, 180))),
      );
      const centre = add(bed, [rng.normal(0, 12), rng.normal(0, 8), rng.normal(0, 12)]);
      out.push(
        toPrimitive(
          {
            kind: 'ellipsoid',
            center: centre,
            axes: [scale(column(r, 0), 0.9), scale(column(r, 1), 1.6), scale(column(r, 2), 4.5)],
          },
          TITANIUM,
          { name: 'surgical clip' },
        ),
      );
    }
  }
  if (wants('umbilical-piercing')) {
    const l4 = vertebrae.find((v) => v.level === 'L4')!;
    const navel: Vec3 = [0, abdomen.centerY + abdomen.halfDepth - 7, l4.center[2] + 12];
    // Steel is denser than titanium: about twice the titanium line integral.
    const steel = { bone: 0, water: -1, metal: 1.8 };
    out.push(
      toPrimitive(
        {
          kind: 'ellipsoid',
          center: navel,
          axes: [
            [2.5, 0, 0],
            [0, 2.5, 0],
            [0, 0, 2.5],
          ],
        },
        steel,
        { name: 'piercing ball' },
      ),
    );
    out.push(
      toPrimitive(
        {
          kind: 'cylinder',
          center: add(navel, [0, 0, -7]),
          axes: [
            [0.8, 0, 0],
            [0, 0.8, 0],
            [0, 0, 5],
          ],
        },
        steel,
        { name: 'piercing bar' },
      ),
    );
  }
  return out;
}
