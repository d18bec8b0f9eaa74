import { LEVELS, type Level } from '@spineqc/qc-standard';
import {
  type Mat3,
  type Vec3,
  add,
  column,
  mulMat,
  normalize,
  rotX,
  rotY,
  rotZ,
  scale,
  sub,
} from '../geometry/vec.js';
import type { Rng } from '../random.js';
import type { PatientParams } from './types.js';

/** Placement and size of one vertebral body; everything else of the vertebra hangs off it. */
export interface VertebraGeometry {
  level: Level;
  /** 0 = T6 … 11 = L5. */
  index: number;
  center: Vec3;
  /** Columns: lateral (toward the patient's left), anterior, cranial. */
  frame: Mat3;
  halfWidth: number;
  halfDepth: number;
  halfHeight: number;
}

/** The space between two endplates; the disc fills it and is cut by both endplate planes. */
export interface DiscSpace {
  name: string;
  /** Lower endplate of the vertebra above. */
  upperCenter: Vec3;
  upperNormal: Vec3;
  /** Upper endplate of the vertebra (or S1) below. */
  lowerCenter: Vec3;
  lowerNormal: Vec3;
  halfWidth: number;
  halfDepth: number;
  /** Frame of the vertebra above (for the disc's lateral and anterior directions). */
  frame: Mat3;
}

export interface SpineColumn {
  vertebrae: VertebraGeometry[];
  /** T6/T7 … L5/S1. */
  discs: DiscSpace[];
  /** S1 upper endplate: centre, frame (cranial column = endplate normal), semi-axes. */
  s1: { center: Vec3; frame: Mat3; halfWidth: number; halfDepth: number };
  /** Axial rotation of the sacrum, pelvis and trunk relative to L3 (deg). */
  pelvisRotationDeg: number;
  /** Angle of the S1 endplate to L3's endplates (deg). */
  sacralSlopeDeg: number;
}

const L3_INDEX = 9;
const S1_INDEX = 12;

/** Unscaled body semi-axes (width, depth, height) in mm: thoracic T6 30/26/19 to T12 40/30/23, lumbar L1 42/32/25 to L5 50/36/27. */
function bodySize(index: number): [number, number, number] {
  if (index <= 6) return [15 + (5 * index) / 6, 13 + (2 * index) / 6, 9.5 + (2 * index) / 6];
  const k = index - 7;
  return [21 + k, 16 + 0.5 * k, 12.5 + 0.25 * k];
}

/** Disc height (mm, unscaled) below vertebra `index`; lumbar discs shrink with discHeightScale, lower ones most. */
function discHeight(index: number, discHeightScale: number): number {
  const thoracic = [4.5, 4.8, 5.1, 5.4, 5.7, 6.0];
  if (index < 6) return thoracic[index] * (0.85 + 0.15 * discHeightScale);
  const normal = [7.5, 9, 10, 11, 12, 10.5][index - 6];
  const exposure = [0.5, 0.7, 0.8, 0.9, 1, 1][index - 6];
  return normal * (1 - (1 - discHeightScale) * exposure);
}

/**
 * Builds the column from L3 (origin, identity frame) outward: sagittal curve from the lordosis and
 * kyphosis, a coronal curve with its apex at L3 and the rotation toward the convexity that real
 * scoliosis has, then stacks bodies and discs along it.
 */
export function buildSpineColumn(params: PatientParams, rng: Rng): SpineColumn {
  const s = params.sizeScale;
  const lordosis = params.lordosisDeg;
  const sacralSlope = clamp(0.7 * lordosis + 2 + rng.normal(0, 2), 15, 50);
  const upperLordosis = lordosis - sacralSlope;
  const kyphosis = params.thoracicKyphosisDeg;
  // Sagittal change across the disc below vertebra i (positive: lordotic, θ grows going down).
  const discAngle = [
    ...[0, 1, 2, 3].map(() => -clamp(rng.normal(4.5, 1), 2.5, 6.5)),
    -0.45 * kyphosis,
    -0.35 * kyphosis,
    -0.2 * kyphosis,
    0.45 * upperLordosis,
    0.55 * upperLordosis,
    0.22 * sacralSlope,
    0.33 * sacralSlope,
    0.45 * sacralSlope,
  ];
  const sagittal = new Array<number>(S1_INDEX + 1).fill(0);
  for (let i = L3_INDEX - 1; i >= 0; i--) sagittal[i] = sagittal[i + 1] - discAngle[i];
  for (let i = L3_INDEX + 1; i <= S1_INDEX; i++) sagittal[i] = sagittal[i - 1] + discAngle[i - 1];

  const cobb = params.scoliosisDeg;
  const rotationAt = (i: number) => -0.3 * cobb * bump((i - 8.5) / 3.5);
  const axial = (i: number) => (i === S1_INDEX ? 0 : rotationAt(i)) - rotationAt(L3_INDEX);

  const sizes = Array.from({ length: S1_INDEX + 1 }, (_, i) => {
    const [w, d, h] = i === S1_INDEX ? [24.5, 18, 0] : bodySize(i);
    const jitter = () => 1 + clamp(rng.normal(0, 0.025), -0.05, 0.05);
    return [w * s * jitter(), d * s * jitter(), h * s * jitter()];
  });
  collapseOneBody(params, rng, sizes);
  const discs = Array.from({ length: S1_INDEX }, (_, i) => {
    const jitter = 1 + clamp(rng.normal(0, 0.05), -0.1, 0.1);
    return discHeight(i, params.discHeightScale) * s * jitter;
  });

  const frames = sagittal.map((theta, i) =>
    mulMat(rotY(coronalTilt(i, cobb)), mulMat(rotX(-theta), rotZ(axial(i)))),
  );
  const cranial = frames.map((f) => column(f, 2));
  const centers: Vec3[] = new Array(S1_INDEX + 1);
  centers[L3_INDEX] = [0, 0, 0];
  for (let i = L3_INDEX - 1; i >= 0; i--) {
    const top = add(centers[i + 1], scale(cranial[i + 1], sizes[i + 1][2]));
    const gap = scale(normalize(add(cranial[i], cranial[i + 1])), discs[i]);
    centers[i] = add(add(top, gap), scale(cranial[i], sizes[i][2]));
  }
  for (let i = L3_INDEX + 1; i <= S1_INDEX; i++) {
    const bottom = sub(centers[i - 1], scale(cranial[i - 1], sizes[i - 1][2]));
    const gap = scale(normalize(add(cranial[i], cranial[i - 1])), discs[i - 1]);
    centers[i] = sub(sub(bottom, gap), scale(cranial[i], sizes[i][2]));
  }

  const vertebrae: VertebraGeometry[] = LEVELS.map((level, i) => ({
    level,
    index: i,
    center: centers[i],
    frame: frames[i],
    halfWidth: sizes[i][0],
    halfDepth: sizes[i][1],
    halfHeight: sizes[i][2],
  }));
  const discSpaces: DiscSpace[] = vertebrae.map((v, i) => {
    const below = i + 1;
    return {
      name: `${v.level}/${LEVELS[below] ?? 'S1'}`,
      upperCenter: sub(v.center, scale(cranial[i], v.halfHeight)),
      upperNormal: cranial[i],
      lowerCenter: add(centers[below], scale(cranial[below], sizes[below][2])),
      lowerNormal: cranial[below],
      halfWidth: (v.halfWidth + sizes[below][0]) / 2,
      halfDepth: (v.halfDepth + sizes[below][1]) / 2,
      frame: v.frame,
    };
  });
  return {
    vertebrae,
    discs: discSpaces,
    s1: {
      center: centers[S1_INDEX],
      frame: frames[S1_INDEX],
      halfWidth: sizes[S1_INDEX][0],
      halfDepth: sizes[S1_INDEX][1],
    },
    pelvisRotationDeg: axial(S1_INDEX),
    sacralSlopeDeg: sacralSlope,
  };
}

/**
 * Coronal tilt of vertebra i (deg, + = cranial axis toward the patient's left). Apex at L3 (the
 * apical vertebra is level); end vertebrae T12 and L4 carry ∓Cobb/2; the tilt fades above and below.
 */
function coronalTilt(i: number, cobb: number): number {
  if (i >= S1_INDEX) return 0;
  if (i > L3_INDEX) return (cobb / 2) * (i === L3_INDEX + 1 ? 1 : 0.5);
  const u = (L3_INDEX - i) / 3;
  if (u <= 1) return -(cobb / 2) * Math.sin((Math.PI / 2) * u);
  return -(cobb / 2) * Math.max(0, 1 - (L3_INDEX - 3 - i) / 3);
}

/** Smooth bump, 1 at 0 and 0 beyond ±1. */
function bump(u: number): number {
  return Math.abs(u) >= 1 ? 0 : Math.cos((Math.PI / 2) * u) ** 2;
}

/** Osteoporotic spines sometimes carry one collapsed thoracolumbar body. */
function collapseOneBody(params: PatientParams, rng: Rng, sizes: number[][]): void {
  const fractured = params.boneDensity < 0.75 && rng.bool(0.3);
  const index = rng.int(5, 8);
  if (fractured) sizes[index][2] *= 0.75;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
