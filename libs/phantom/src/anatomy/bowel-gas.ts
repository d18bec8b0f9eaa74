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
 * Gas along the colon frame (caecum, ascending, sagging transverse, descending and sigmoid colon)
 * and in the rectum, as much as `amount` asks: gas-filled stretches of bowel (10–40 mm, elongated
 * along it) and stool mottled with small bubbles.
 * A pocket is kept only if it lies wholly in plain lean tissue: never in bone, organs, discs or
 * another pocket (overlapping gas would be denser than vacuum).
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
  const plainTissue = (q: Vec3): boolean => {
    let water = 0;
    let other = 0;
    for (const p of prepared) {
      if (!containsPoint(p, q)) continue;
      water += p.material.water;
      other += Math.abs(p.material.bone) + Math.abs(p.material.metal);
    }
    for (const g of gas) if (containsPoint(g, q)) return false;
    return Math.abs(water - 1) < 0.03 && other < 1e-6;
  };
  /** An ellipsoid pocket with semi-axes `semi` along `long` and two random directions across it. */
  const tryPlace = (
    center: Vec3,
    long: Vec3,
    semi: [number, number, number],
    water: number,
    name: string,
  ): boolean => {
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
    const reach = Math.max(...semi);
    if (gas.some((g) => norm(sub(g.center, center)) < reach + maxSemi(g) + 0.5)) return false;
    if (!probes.every(plainTissue)) return false;
    gas.push(
      toPrimitive({ kind: 'ellipsoid', center, axes }, { bone: 0, water: -water, metal: 0 }, { name }),
    );
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
      direction: sub(colon[i + 1], colon[i]),
    };
  };
  const jitter = (sd: number): Vec3 => [rng.normal(0, sd), rng.normal(0, sd), rng.normal(0, sd)];

  // Gas-filled stretches of colon: elongated along the bowel.
  const segments = Math.round(amount * 14 * rng.uniform(0.6, 1.4));
  for (let k = 0; k < segments; k++) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const { point, direction } = onColon();
      const r = rng.uniform(6, 6 + 9 * amount) * s;
      const semi: [number, number, number] = [
        r * rng.uniform(1.2, 2.2),
        r * rng.uniform(0.6, 1),
        r * rng.uniform(0.6, 1),
      ];
      if (
        tryPlace(
          add(point, jitter(6 * s)),
          add(direction, jitter(0.3 * norm(direction))),
          semi,
          1,
          'colon gas',
        )
      )
        break;
    }
  }
  // Stool mottled with small bubbles, in clusters.
  const clusters = Math.round(amount * 7 * rng.uniform(0.6, 1.4));
  for (let k = 0; k < clusters; k++) {
    const { point } = onColon();
    const bubbles = rng.int(4, 9);
    for (let b = 0; b < bubbles; b++) {
      const r = rng.uniform(2.5, 6) * s;
      tryPlace(
        add(point, jitter(9 * s)),
        jitter(1),
        [r * rng.uniform(0.8, 1.4), r, r * rng.uniform(0.7, 1)],
        0.8,
        'stool gas',
      );
    }
  }
  if (rng.bool(0.25 + 0.55 * amount)) {
    for (let attempt = 0; attempt < 8; attempt++) {
      const r = rng.uniform(9, 15) * s;
      if (
        tryPlace(
          lerp(rectum[0], rectum[1], rng.next()),
          sub(rectum[1], rectum[0]),
          [1.6 * r, r, 0.8 * r],
          1,
          'rectal gas',
        )
      )
        break;
    }
  }
  return gas;
}

function maxSemi(p: Primitive): number {
  return Math.max(...[0, 1, 2].map((j) => Math.hypot(p.axes[j], p.axes[3 + j], p.axes[6 + j])));
}
