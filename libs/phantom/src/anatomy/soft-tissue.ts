import { prepare, type Primitive } from '../geometry/primitive.js';
import { type Vec3, add, column, cross, lerp, norm, normalize, scale, sub } from '../geometry/vec.js';
import { lateralReach, reach } from './extent.js';
import { buildBodyOutline, type BodySide, type Bulge, type BulgeNeed } from './body-outline.js';
import { softTissue } from './materials.js';
import { containsPoint, keepBelow, toPrimitive, type Shape } from './shape.js';
import type { PatientParams, VertebraLandmarks } from './types.js';

/** Where the abdomen lies (for the bowel and the navel): the trunk's section, flat sides at ±half extents. */
export interface BodySlab {
  centerY: number;
  halfWidth: number;
  halfDepth: number;
}

export interface SoftTissueInput {
  params: PatientParams;
  vertebrae: readonly VertebraLandmarks[];
  ribs: readonly Primitive[];
  spinousProcesses: readonly Primitive[];
  sacrum: readonly Primitive[];
  pelvis: readonly Primitive[];
  femora: readonly Primitive[];
  s1Center: Vec3;
  femoralHeads: { left: Vec3; right: Vec3 };
}

export interface SoftTissue {
  primitives: Primitive[];
  /** The trunk's section at the waist, where the bowel lies. */
  abdomen: BodySlab;
}

/**
 * The body sized to hold the skeleton under the sampled fat layer: a trunk at the sampled waist
 * width and depth with bulges where the chest, hips and buttocks stand out, two thighs; then the
 * muscles and organs that show faintly on real films (psoas, liver, spleen, kidneys in their fat).
 */
export function buildSoftTissue(input: SoftTissueInput): SoftTissue {
  const { params: p, vertebrae } = input;
  const s = p.sizeScale;
  const fat = p.fatThicknessMm;
  const at = (level: string) => vertebrae.find((v) => v.level === level)!;
  const zTop = at('T6').bodyCenter[2] + 100 * s;
  const head = input.femoralHeads.left;
  const zPerineum = head[2] - 85 * s;

  // The back is set by L3's spinous process (the front of the lordosis); the spinous processes above
  // and below, the sacrum and the rib cage are held by bulges, so the skin follows the curves.
  const tips = input.spinousProcesses.map((sp) => add(sp.center, column(sp.axes, 2)));
  const l3Tip = tips.reduce((best, q) => (Math.abs(q[2]) < Math.abs(best[2]) ? q : best));
  const back = Math.min(l3Tip[1] - 6 * s - fat, -(at('L3').halfDepth + 62 * s + fat));
  // A thin patient's chest or hips can reach past the sampled waist at the trunk's corners, where
  // no bulge reaches: grow the trunk a little until every bone lies inside the body.
  const fit = (grow: number) => {
    const front = back + p.bodyDepthMm * grow;
    // Rib tips that hang below L3's level lie beside the trunk's flanks, not in a chest bulge.
    const lowRibs = input.ribs.filter((r) => reach(r, 2, -1) < 10 * s);
    const crestReach = lateralReach(input.pelvis.filter((q) => q.center[2] > head[2] + 40 * s));
    const halfWidth =
      grow * Math.max(p.bodyWidthMm / 2, lateralReach(lowRibs) + fat + 8 * s, crestReach + 0.5 * fat);
    const trunk = { centerY: (back + front) / 2, halfWidth, halfDepth: (front - back) / 2 };

    // Needs: how far beyond each flat side a bone (plus its cover of fat and muscle) reaches, taken at
    // the centre and both ends of each solid, plus its thickness.
    const beyond = (side: BodySide, prims: readonly Primitive[], cover: number): BulgeNeed[] =>
      prims.flatMap((q) => {
        const midline = side === 'back' || side === 'front';
        const axis = midline ? 1 : 0;
        const sign = side === 'back' || side === 'right' ? -1 : 1;
        const flatSide = side === 'back' ? back : side === 'front' ? front : sign * halfWidth;
        const semi = [0, 1, 2].map((j) => column(q.axes, j as 0 | 1 | 2));
        const lengths = semi.map((a) => norm(a));
        const longest = semi[lengths.indexOf(Math.max(...lengths))];
        const thickness = Math.min(...lengths);
        return [q.center, add(q.center, longest), sub(q.center, longest)].map((point) => ({
          along: point[midline ? 0 : 1],
          z: point[2],
          depth: sign * (point[axis] - flatSide) + thickness + cover,
        }));
      });
    const backNeeds = [
      ...tips.map((q) => ({ along: q[0], z: q[2], depth: back - q[1] + 6 * s + fat })),
      ...beyond('back', input.ribs, 8 * s + 0.8 * fat),
      ...beyond('back', input.sacrum, 35 * s + fat),
    ];
    const split = 0; // L3's centre: every bulge fades to nothing there, where the trunk is sized.
    const upper = (q: BulgeNeed) => q.z > split;
    const lower = (q: BulgeNeed) => q.z <= split;
    const bulges: Bulge[] = [
      { name: 'upper back', side: 'back', zLow: split, zHigh: zTop + 40 * s, needs: backNeeds.filter(upper) },
      {
        name: 'buttocks',
        side: 'back',
        zLow: zPerineum - 30 * s,
        zHigh: split,
        needs: backNeeds.filter(lower),
      },
      {
        name: 'chest',
        side: 'front',
        zLow: split,
        zHigh: zTop + 40 * s,
        needs: beyond('front', input.ribs, 12 * s + fat),
      },
      {
        name: 'lower belly',
        side: 'front',
        zLow: zPerineum - 30 * s,
        zHigh: split,
        needs: beyond('front', input.pelvis, 20 * s + fat),
      },
      ...(['left', 'right'] as const).flatMap((side): Bulge[] => [
        {
          name: `${side} chest wall`,
          side,
          zLow: split,
          zHigh: zTop + 40 * s,
          needs: beyond(side, input.ribs, 10 * s + fat),
        },
        {
          name: `${side} hip`,
          side,
          zLow: zPerineum - 30 * s,
          zHigh: split,
          needs: beyond(side, [...input.pelvis, ...input.femora], 20 * s + fat).filter(lower),
        },
      ]),
    ];
    const hipHalfWidth = Math.max(halfWidth, lateralReach(input.femora) + 20 * s + fat);
    const outline = buildBodyOutline({
      trunk,
      zTop,
      zBottom: zPerineum,
      fat,
      bulges,
      thighs: [1, -1].map((side) => ({
        centerX: side * 0.5 * hipHalfWidth,
        centerY: head[1] - 5 * s,
        halfWidth: 0.49 * hipHalfWidth,
        halfDepth: 0.4 * p.bodyDepthMm,
        zBottom: head[2] - 330 * s,
      })),
    });
    return { outline, trunk };
  };
  const bones = [...input.ribs, ...input.pelvis, ...input.femora, ...input.sacrum, ...input.spinousProcesses];
  let fitted = fit(1);
  for (let grow = 1.04; grow < 1.4 && !allInside(bones, fitted.outline); grow += 0.04) fitted = fit(grow);
  const { outline: prims, trunk } = fitted;
  prims.push(...psoas(input, s));
  prims.push(...organs(input, trunk, fat, s));
  return { primitives: prims, abdomen: trunk };
}

/** Psoas: tapering ellipsoids beside the bodies from T12 to over the pelvic brim. */
function psoas(input: SoftTissueInput, s: number): Primitive[] {
  const t12 = input.vertebrae.find((v) => v.level === 'T12')!;
  const out: Primitive[] = [];
  for (const side of [1, -1] as const) {
    const top = add(t12.bodyCenter, [side * (t12.halfWidth + 6 * s), 2 * s, 0]);
    const bottom = add(input.s1Center, [side * 62 * s, 38 * s, -60 * s]);
    const along = sub(bottom, top);
    const axis = normalize(along);
    const across = normalize(cross(axis, [0, 1, 0]));
    const front = cross(across, axis);
    out.push(
      toPrimitive(
        {
          kind: 'ellipsoid',
          center: lerp(top, bottom, 0.5),
          axes: [scale(across, 19 * s), scale(front, 21 * s), scale(axis, norm(along) / 2 + 12 * s)],
        },
        softTissue(0.06),
        { name: `psoas ${side === 1 ? 'left' : 'right'}` },
      ),
    );
  }
  return out;
}

/** Liver (right upper quadrant), spleen, and kidneys in perirenal fat; sized to the body's lean core. */
function organs(input: SoftTissueInput, abdomen: BodySlab, fat: number, s: number): Primitive[] {
  const at = (level: string) => input.vertebrae.find((v) => v.level === level)!;
  const innerX = abdomen.halfWidth - fat;
  const innerY = abdomen.halfDepth - fat;
  const t12 = at('T12').bodyCenter;
  const l1 = at('L1');
  const out: Primitive[] = [];
  const ellipsoid = (center: Vec3, semi: Vec3, water: number, name: string, planes = [] as Shape['planes']) =>
    toPrimitive(
      {
        kind: 'ellipsoid',
        center,
        axes: [
          [semi[0], 0, 0],
          [0, semi[1], 0],
          [0, 0, semi[2]],
        ],
        planes,
      },
      softTissue(water),
      { name },
    );
  out.push(
    ellipsoid(
      [-0.42 * innerX, abdomen.centerY + 0.1 * innerY, t12[2] + 5 * s],
      [0.55 * innerX, 0.72 * innerY, 85 * s],
      0.05,
      'liver',
      [keepBelow([1, 0, 0], [0.25 * innerX, 0, 0])],
    ),
  );
  out.push(
    ellipsoid(
      [0.62 * innerX, abdomen.centerY - 0.3 * innerY, t12[2] + 25 * s],
      [0.2 * innerX, 0.35 * innerY, 55 * s],
      0.04,
      'spleen',
    ),
  );
  for (const side of [1, -1] as const) {
    const centre: Vec3 = [
      side * (l1.halfWidth + 42 * s),
      l1.bodyCenter[1] - 8 * s,
      l1.bodyCenter[2] + (side === 1 ? 8 : -12) * s,
    ];
    const long = normalize([-side * 0.25, -0.2, 1]);
    const lateral = normalize(cross([0, 1, 0], long));
    const front = cross(long, lateral);
    const kidney = (grow: number): Shape => ({
      kind: 'ellipsoid',
      center: centre,
      axes: [scale(lateral, (27 + grow) * s), scale(front, (21 + grow) * s), scale(long, (55 + grow) * s)],
    });
    const name = side === 1 ? 'left' : 'right';
    out.push(toPrimitive(kidney(9), softTissue(-0.07), { name: `perirenal fat ${name}` }));
    out.push(toPrimitive(kidney(0), softTissue(0.1), { name: `kidney ${name}` }));
  }
  return out;
}

/** Whether the centre and the ends of the longest semi-axis of every bone lie in the body. */
function allInside(bones: readonly Primitive[], outline: readonly Primitive[]): boolean {
  const tissue = outline.map(prepare);
  const inBody = (q: Vec3) =>
    tissue.reduce((sum, t) => sum + (containsPoint(t, q) ? t.material.water : 0), 0) > 0.9;
  return bones.every((b) => {
    const semi = [0, 1, 2].map((j) => column(b.axes, j as 0 | 1 | 2));
    const longest = semi.reduce((x, y) => (norm(x) > norm(y) ? x : y));
    const prepared = prepare(b);
    return [b.center, add(b.center, scale(longest, 0.9)), sub(b.center, scale(longest, 0.9))].every(
      (q) => (b.clips && !containsPoint(prepared, q)) || inBody(q),
    );
  });
}
