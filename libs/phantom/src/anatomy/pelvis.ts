import type { Primitive } from '../geometry/primitive.js';
import { type Mat3, type Vec3, add, cross, dot, mulVec, normalize, scale, sub } from '../geometry/vec.js';
import { bone } from './bone.js';
import { averagedBone, CORTICAL, HOLLOW, cancellousCore, corticalAgain } from './materials.js';
import { inset, keepAbove, keepBelow, toPrimitive, type Plane, type Shape } from './shape.js';
import { tubeShapes, smoothCurve, type TubeNode } from './tube.js';

export interface PelvisPlacement {
  /** S1 endplate centre: the pelvis hangs rigidly off the sacrum. */
  origin: Vec3;
  /** Pelvic frame → patient frame (sagittal tilt with the sacrum, axial rotation of the pelvis). */
  rotation: Mat3;
  /** Overall and lateral scale (female pelves are a little wider). */
  scale: number;
  lateralScale: number;
  femoralHeadRadius: number;
  cortex: number;
  density: number;
  /** The sacrum's lateral borders (medial side kept): the ilia meet them across the joint space. */
  sacroiliac: { left: Plane; right: Plane };
}

export interface BuiltPelvis {
  primitives: Primitive[];
  femoralHeads: { left: Vec3; right: Vec3 };
  iliacCrestTop: Vec3;
}

/** Wing ellipsoid (pelvic frame, unscaled, left side): centre and semi-axes. */
const WING_CENTRE: Vec3 = [20, 18, 15];
const WING_SEMI: Vec3 = [112, 85, 150];
const WING_WALL = 12;
/** The wing's cortices are thicker than the spine's (relative to the common cortex). */
const WING_CORTEX = 1.4;

/**
 * Both hip bones. Each iliac wing is a piece of an ellipsoidal shell (cortex, diploë, cortex) cut by
 * half-spaces, so the crest, the lateral outline and the arcuate line come out as bright rims where
 * the beam runs along the bone; the thick parts (posterior ilium, acetabulum, rami, ischium) are
 * cortical solids and tubes. Pelvic frame: S1 endplate centre at the origin, axes as the patient's
 * when the sacral slope is at its reference.
 */
export function buildPelvis(o: PelvisPlacement): BuiltPelvis {
  const s = o.scale;
  const sx = o.lateralScale;
  const shell = { cortex: o.cortex, density: o.density };
  const prims: Primitive[] = [];
  const heads: Vec3[] = [];
  const crestTops: Vec3[] = [];
  for (const side of [1, -1] as const) {
    // p(x, y, z): pelvic coordinates (x mirrored to the side) → patient frame.
    const p = (x: number, y: number, z: number): Vec3 =>
      add(o.origin, mulVec(o.rotation, [side * x * sx, y * s, z * s]));
    const d = (x: number, y: number, z: number): Vec3 => normalize(mulVec(o.rotation, [side * x, y, z]));
    const sideName = side === 1 ? 'left' : 'right';
    const head = p(88, 24, -112);
    heads.push(head);

    const wing = wingShapes(p, d, s, sx, o.rotation);
    const wingCortex = WING_CORTEX * o.cortex;
    const [outer, core, innerCortex, hollow] = [
      0,
      wingCortex * s,
      (WING_WALL - wingCortex) * s,
      WING_WALL * s,
    ].map((t) => inset(wing.shape, t));
    prims.push(
      toPrimitive(outer, CORTICAL, { structure: 'pelvis', name: `iliac wing ${sideName}` }),
      toPrimitive(core, cancellousCore(o.density)),
      toPrimitive(innerCortex, corticalAgain(o.density)),
      toPrimitive(hollow, HOLLOW),
    );
    for (const shape of tubeShapes(wing.crest))
      prims.push(
        ...bone(shape, { ...shell, openEnds: true, structure: 'pelvis', name: `iliac crest ${sideName}` }),
      );
    crestTops.push(
      wing.crest.reduce((best, n) => (n.point[2] > best[2] ? n.point : best), wing.crest[0].point),
    );

    const solid = (
      center: Vec3,
      axes: [Vec3, Vec3, Vec3],
      fraction: number,
      name: string,
      planes: Plane[] = [],
    ) =>
      toPrimitive({ kind: 'ellipsoid', center, axes, planes }, averagedBone(fraction), {
        structure: 'pelvis',
        name,
      });
    const dense = 0.3 + 0.9 * o.density;
    // Auricular part of the ilium: fills from the wing to the sacroiliac joint, 3 mm (the joint
    // space) lateral to the sacrum's border, whose edge-on faces draw the joint lines on AP.
    const si = side === 1 ? o.sacroiliac.left : o.sacroiliac.right;
    const jointSide: Plane = { normal: scale(si.normal, -1), offset: -(si.offset + 3 * s) };
    prims.push(
      solid(
        p(55, -30, -22),
        [scale(d(1, 0, 0), 12 * sx), scale(d(0, 1, 0), 17 * s), scale(d(0, 0, 1), 36 * s)],
        0.12 + 0.9 * o.density,
        `auricular ilium ${sideName}`,
        [jointSide],
      ),
    );
    // Body of the ilium over the acetabulum, and the pubic body at the symphysis.
    prims.push(
      solid(
        p(80, 20, -80),
        [scale(d(1, 0, 0), 16 * sx), scale(d(0, 1, 0), 24 * s), scale(d(0, 0, 1), 24 * s)],
        dense,
        `iliac body ${sideName}`,
      ),
    );
    prims.push(
      solid(
        p(11, 60, -145),
        [scale(d(1, 0, 0), 8 * sx), scale(d(0, 1, 0), 9 * s), scale(d(0, 0, 1), 19 * s)],
        dense + 0.1,
        `pubic body ${sideName}`,
      ),
    );
    prims.push(...acetabulum(head, d(0.66, 0.25, -0.69), o.femoralHeadRadius, s, dense, sideName));

    // Pelvic brim: arcuate line from the sacroiliac joint round to the superior pubic ramus and the
    // pubic crest. A ribbon deep in the sagittal direction and thin laterally: the side wall of the
    // true pelvis, which AP rays run along, so it draws the bright iliopectineal line.
    const brim = smoothCurve(
      [
        p(52, 12, -12),
        p(61, 28, -45),
        p(65, 40, -75),
        p(61, 50, -100),
        p(45, 61, -118),
        p(25, 67, -128),
        p(10, 65, -138),
      ],
      2,
    );
    const brimSemi = (k: number): [number, number] =>
      k < 7 ? [9 * s, 3 * sx] : [(9 - (k - 6) * 0.5) * s, (3 + (k - 6) * 1.2) * sx];
    prims.push(...tubeSolid(brim, brimSemi, d(1, 0, 0), 0.4, `pelvic brim ${sideName}`));
    // Inferior pubic ramus, ischial tuberosity and ischium up to the acetabulum.
    const ramus = smoothCurve(
      [
        p(9, 55, -160),
        p(24, 42, -172),
        p(40, 24, -175),
        p(53, 5, -170),
        p(62, -8, -150),
        p(68, -10, -125),
        p(72, -2, -102),
      ],
      2,
    );
    const ramusRadius = [5, 5, 5.5, 6, 7, 9, 11, 11, 11, 11, 11, 11, 12];
    prims.push(
      ...tubeSolid(
        ramus,
        (k) => [ramusRadius[k] * s, ramusRadius[k] * s * 0.75],
        d(0, 1, 0),
        dense + 0.15,
        `ischiopubic ramus ${sideName}`,
      ),
    );
  }
  return {
    primitives: prims,
    femoralHeads: { left: heads[0], right: heads[1] },
    iliacCrestTop: scale(add(crestTops[0], crestTops[1]), 0.5),
  };
}

function tubeSolid(
  points: Vec3[],
  semi: (k: number) => [number, number],
  thinDir: Vec3,
  fraction: number,
  name: string,
): Primitive[] {
  const nodes: TubeNode[] = points.map((point, k) => {
    const [wide, thin] = semi(k);
    return { point, wide, thin, thinDir };
  });
  return tubeShapes(nodes).map((shape) =>
    toPrimitive(shape, averagedBone(fraction), { structure: 'pelvis', name }),
  );
}

/** The acetabular cup: a spherical shell round the femoral head (joint space left open), open laterally, anteriorly and down. */
function acetabulum(
  head: Vec3,
  opening: Vec3,
  headRadius: number,
  s: number,
  fraction: number,
  sideName: string,
): Primitive[] {
  const planes: Plane[] = [keepBelow(opening, add(head, scale(opening, 0.2 * headRadius)))];
  const sphere = (r: number): Shape => ({
    kind: 'ellipsoid',
    center: head,
    axes: [
      [r, 0, 0],
      [0, r, 0],
      [0, 0, r],
    ],
    planes,
  });
  return [
    toPrimitive(sphere(headRadius + 9 * s), averagedBone(fraction), {
      structure: 'pelvis',
      name: `acetabulum ${sideName}`,
    }),
    toPrimitive(sphere(headRadius + 3.5 * s), averagedBone(-fraction)),
  ];
}

/**
 * The iliac wing's ellipsoid and its cuts: the sacroiliac side, the anterior border, the crest as
 * two planes rising from the posterior and anterior superior iliac spines to the top, and the
 * greater sciatic notch below. Also the crest line itself (for the thickened rim).
 */
function wingShapes(
  p: (x: number, y: number, z: number) => Vec3,
  d: (x: number, y: number, z: number) => Vec3,
  s: number,
  sx: number,
  rotation: Mat3,
): { shape: Shape; crest: TubeNode[] } {
  const centre = p(...WING_CENTRE);
  const semi = [WING_SEMI[0] * sx, WING_SEMI[1] * s, WING_SEMI[2] * s];
  const axes: [Vec3, Vec3, Vec3] = [
    scale(d(1, 0, 0), semi[0]),
    scale(d(0, 1, 0), semi[1]),
    scale(d(0, 0, 1), semi[2]),
  ];
  const normalAt = (q: Vec3): Vec3 => {
    const r = sub(q, centre);
    return normalize(
      add(
        add(scale(axes[0], dot(r, axes[0]) / semi[0] ** 4), scale(axes[1], dot(r, axes[1]) / semi[1] ** 4)),
        scale(axes[2], dot(r, axes[2]) / semi[2] ** 4),
      ),
    );
  };
  const up = mulVec(rotation, [0, 0, 1]);
  const crestPlane = (a: Vec3, b: Vec3): Plane => {
    let n = normalize(cross(sub(b, a), normalAt(scale(add(a, b), 0.5))));
    if (dot(n, up) < 0) n = scale(n, -1);
    return keepBelow(n, a);
  };
  // Crest profile (azimuth on the wing ellipsoid, height): PSIS, rising to the top, down to the ASIS.
  // The lower envelope of planes through consecutive points is the arched crest.
  const crestProfile: [number, number][] = [
    [-80, -5],
    [-68, 22],
    [-56, 42],
    [-45, 53],
    [-32, 56],
    [-18, 50],
    [-5, 38],
    [8, 18],
    [18, -8],
    [26, -32],
  ];
  const crestPoints = crestProfile.map(([phiDeg, z]) => {
    const phi = (phiDeg * Math.PI) / 180;
    const c = Math.sqrt(Math.max(0, 1 - ((z - WING_CENTRE[2]) / WING_SEMI[2]) ** 2));
    return p(
      WING_CENTRE[0] + WING_SEMI[0] * c * Math.cos(phi),
      WING_CENTRE[1] + WING_SEMI[1] * c * Math.sin(phi),
      z,
    );
  });
  const notch = [p(50, -55, -45), p(75, -15, -88), p(90, 40, -88)];
  let notchNormal = normalize(cross(sub(notch[1], notch[0]), sub(notch[2], notch[0])));
  if (dot(notchNormal, d(1, 0, 0)) < 0) notchNormal = scale(notchNormal, -1);
  const crestPlanes = crestPoints.slice(1).map((b, i) => crestPlane(crestPoints[i], b));
  const planes: Plane[] = [
    keepAbove(normalize(d(1, -0.45, 0)), p(52, 0, 0)),
    keepBelow(normalize(d(0, 1, -0.2)), p(0, 59, -42)),
    keepAbove(notchNormal, notch[0]),
    ...crestPlanes,
  ];
  const shape: Shape = { kind: 'ellipsoid', center: centre, axes, planes };
  const inside = (q: Vec3) => planes.every((pl) => dot(pl.normal, q) <= pl.offset + 1e-9);

  // Crest: for each azimuth, the highest point of the ellipsoid surface still inside the cuts.
  const crest: TubeNode[] = [];
  for (let k = 0; k <= 24; k++) {
    const phi = ((-115 + (160 * k) / 24) * Math.PI) / 180;
    const surface = (eta: number): Vec3 =>
      add(
        centre,
        add(
          add(scale(axes[0], Math.cos(eta) * Math.cos(phi)), scale(axes[1], Math.cos(eta) * Math.sin(phi))),
          scale(axes[2], Math.sin(eta)),
        ),
      );
    let lo = -0.2;
    let hi = 1.4;
    if (!inside(surface(lo))) continue;
    for (let it = 0; it < 40; it++) {
      const mid = (lo + hi) / 2;
      if (inside(surface(mid))) lo = mid;
      else hi = mid;
    }
    // Only where a crest plane (not the sacroiliac or anterior cut) ends the wing.
    const beyond = surface(hi + 0.01);
    if (!planes.slice(0, 3).every((pl) => dot(pl.normal, beyond) <= pl.offset)) continue;
    const rim = surface(lo);
    const normal = normalAt(rim);
    crest.push({
      point: sub(rim, scale(normal, (WING_WALL * s) / 2)),
      wide: 5.5 * s,
      thin: 4.5 * s,
      thinDir: normal,
    });
  }
  return { shape, crest };
}
