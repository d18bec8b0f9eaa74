import { prepare, type Primitive } from '../geometry/primitive.js';
import {
  type Mat3,
  type Vec3,
  add,
  cross,
  lerp,
  mulMat,
  mulVec,
  norm,
  normalize,
  rotX,
  rotY,
  scale,
  sub,
} from '../geometry/vec.js';
import type { Rng } from '../random.js';
import { containsPoint, toPrimitive } from './shape.js';
import type { BodySlab } from './soft-tissue.js';

export interface BowelGasInput {
  amount: number;
  sizeScale: number;
  fatThicknessMm: number;
  abdomen: BodySlab;
  s1Center: Vec3;
  sacrumTip: Vec3;
  /** Orientation of the trunk (the abdomen slab is given unrotated). */
  rotation: Mat3;
  /** Everything built so far: gas is only placed where the tissue is plain lean tissue. */
  existing: readonly Primitive[];
}

/**
 * Gas along the colon frame (caecum and ascending colon on the patient's right, sagging transverse,
 * descending and sigmoid colon on the left) and in the rectum, as much as `amount` asks. Real bowel
 * gas is rarely a clean dark oval: it is clusters of small pockets of varied size, mottled with
 * stool, overlapping so that their outlines look irregular. Each cluster is a short stretch of
 * bowel holding several pockets of partial gas (water −0.3…−0.8, a few nearly pure); pockets may
 * overlap as long as the gas deltas through any point never take out more than the tissue holds
 * (checked conservatively on bounding spheres).
 * A pocket is kept only if it lies wholly in plain lean tissue: never in bone, organs or discs.
 */
export function buildBowelGas(input: BowelGasInput, rng: Rng): Primitive[] {
  const { amount, abdomen: a, sizeScale: s } = input;
  if (amount <= 0.02) return [];
  const xi = a.halfWidth - input.fatThicknessMm;
  const di = a.halfDepth - input.fatThicknessMm;
  const yc = a.centerY;
  const zS1 = input.s1Center[2];
  const colonUnrotated: Vec3[] = [
    [-0.55 * xi, yc + 0.35 * di, zS1 + 10 * s],
    [-0.62 * xi, yc + 0.2 * di, -40 * s],
    [-0.62 * xi, yc + 0.1 * di, 30 * s],
    [-0.55 * xi, yc + 0.3 * di, 75 * s],
    [-0.25 * xi, yc + 0.62 * di, 35 * s],
    [0, yc + 0.66 * di, 0],
    [0.3 * xi, yc + 0.62 * di, 30 * s],
    [0.62 * xi, yc + 0.1 * di, 110 * s],
    [0.66 * xi, yc - 0.1 * di, 50 * s],
    [0.66 * xi, yc - 0.05 * di, -30 * s],
    [0.55 * xi, yc + 0.2 * di, zS1 - 5 * s],
    [0.25 * xi, yc + 0.45 * di, zS1 - 40 * s],
    [0.05 * xi, input.s1Center[1] + 45 * s, zS1 - 65 * s],
  ];
  const colon = colonUnrotated.map((q) => mulVec(input.rotation, q));
  const rectum: Vec3[] = [
    add(lerp(input.s1Center, input.sacrumTip, 0.55), [0, 32 * s, 0]),
    add(input.sacrumTip, [0, 25 * s, 8 * s]),
  ];

  const prepared = input.existing.map(prepare);
  const gas: Primitive[] = [];
  const gasReach: number[] = [];
  const plainTissue = (q: Vec3): boolean => {
    let water = 0;
    let other = 0;
    for (const p of prepared) {
      if (!containsPoint(p, q)) continue;
      water += p.material.water;
      other += Math.abs(p.material.bone) + Math.abs(p.material.metal);
    }
    return Math.abs(water - 1) < 0.03 && other < 1e-6;
  };
  /** Gas already taken out by the pockets whose bounding spheres meet a sphere (centre, radius). */
  const gasNear = (center: Vec3, radius: number): number => {
    let sum = 0;
    gas.forEach((g, i) => {
      if (norm(sub(g.center, center)) < radius + gasReach[i] + 0.5) sum -= g.material.water;
    });
    return sum;
  };
  /**
   * An ellipsoid pocket with semi-axes `semi` along `long` and two random directions across it,
   * holding up to `water` of gas (less where it overlaps other pockets; dropped if too little is left).
   */
  const tryPlace = (
    center: Vec3,
    long: Vec3,
    semi: [number, number, number],
    water: number,
    name: string,
  ): boolean => {
    if (gas.length >= MAX_POCKETS) return false;
    const reach = Math.max(...semi);
    const room = Math.min(water, 1 - gasNear(center, reach));
    if (room < 0.25) return false;
    const spin = mulMat(rotX(rng.uniform(0, 180)), rotY(rng.uniform(-25, 25)));
    const a = normalize(long);
    const helper: Vec3 = Math.abs(a[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
    const b0 = normalize(cross(a, helper));
    const c0 = cross(a, b0);
    const [b, c] = [mulVec(spin, [0, 1, 0]), mulVec(spin, [0, 0, 1])].map((q) =>
      normalize(add(add(scale(a, q[0]), scale(b0, q[1])), scale(c0, q[2]))),
    );
    const axes: [Vec3, Vec3, Vec3] = [scale(a, semi[0]), scale(b, semi[1]), scale(c, semi[2])];
    // The centre, the six axis tips and eight diagonal points, a little outside the pocket.
    const diagonals = [1, -1].flatMap((i) =>
      [1, -1].flatMap((j) =>
        [1, -1].map((k) =>
          scale(add(add(scale(axes[0], i), scale(axes[1], j)), scale(axes[2], k)), 1 / Math.sqrt(3)),
        ),
      ),
    );
    const probes = [
      center,
      ...[...axes.flatMap((ax) => [ax, scale(ax, -1)]), ...diagonals].map((v) => add(center, scale(v, 1.12))),
    ];
    if (!probes.every(plainTissue)) return false;
    gas.push(toPrimitive({ kind: 'ellipsoid', center, axes }, { bone: 0, water: -room, metal: 0 }, { name }));
    gasReach.push(reach);
    return true;
  };

  const lengths = colon.slice(1).map((q, i) => norm(sub(q, colon[i])));
  const total = lengths.reduce((x, y) => x + y, 0);
  const onColon = (): { point: Vec3; direction: Vec3 } => {
    let along = rng.uniform(0, total);
    let i = 0;
    while (i < lengths.length - 1 && along > lengths[i]) along -= lengths[i++];
    return {
      point: lerp(colon[i], colon[i + 1], Math.min(1, along / lengths[i])),
      direction: normalize(sub(colon[i + 1], colon[i])),
    };
  };
  const jitter = (sd: number): Vec3 => [rng.normal(0, sd), rng.normal(0, sd), rng.normal(0, sd)];
  /** Mostly stool mottled with gas; now and then a small, nearly pure pocket. */
  const gasFraction = (r: number): number =>
    r < 6 * s && rng.bool(0.2) ? rng.uniform(0.85, 1) : rng.uniform(0.3, 0.8);

  /**
   * A stretch of bowel: pockets strung along it (with a sideways wander), sizes skewed small, so
   * that overlapping pockets of different density give a lobulated, irregular outline.
   */
  const cluster = (point: Vec3, direction: Vec3, spreadMm: number, pockets: number, name: string): void => {
    for (let k = 0; k < pockets; k++) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const u = rng.next();
        const r = (2.5 + (3 + 8 * amount) * u * u) * s;
        const center = add(add(point, scale(direction, rng.uniform(-1, 1) * spreadMm * s)), jitter(5 * s));
        const semi: [number, number, number] = [
          r * rng.uniform(1, 1.9),
          r * rng.uniform(0.55, 1),
          r * rng.uniform(0.55, 1),
        ];
        if (tryPlace(center, add(direction, jitter(0.45)), semi, gasFraction(r), name)) break;
      }
    }
  };

  // Clusters along the colon frame.
  const clusters = Math.round(amount * 17 * rng.uniform(0.6, 1.4));
  for (let k = 0; k < clusters; k++) {
    const { point, direction } = onColon();
    cluster(add(point, jitter(5 * s)), direction, rng.uniform(12, 28), rng.int(4, 9), 'colon gas');
  }
  // Rectum and sigmoid, low in the pelvis.
  if (rng.bool(0.25 + 0.55 * amount)) {
    const direction = normalize(sub(rectum[1], rectum[0]));
    cluster(lerp(rectum[0], rectum[1], rng.next()), direction, 14, rng.int(3, 7), 'rectal gas');
  }
  return gas;
}

/** Upper bound on gas pockets, to keep the primitive count (and render time) reasonable. */
const MAX_POCKETS = 110;
