import type { Level } from '@spineqc/qc-standard';
import type { Primitive } from '../geometry/primitive.js';
import type { Mat3, Vec3 } from '../geometry/vec.js';

/**
 * Parameters of one synthetic patient. Sampled widely (samplePatient) so a model trained on the
 * phantom sees the variety of real patients.
 */
export interface PatientParams {
  sex: 'F' | 'M';
  /** Overall skeletal scale (1 = average adult; 0.85–1.15). */
  sizeScale: number;
  /** L1–S1 lordosis angle (deg; 20–70). */
  lordosisDeg: number;
  /** T10–T12 region kyphosis contribution (deg; 0–30). */
  thoracicKyphosisDeg: number;
  /** Coronal Cobb angle of a lumbar scoliosis (deg, signed: + = convex to the patient's left; −25…25). */
  scoliosisDeg: number;
  /** Disc height relative to normal (0.5 degenerate – 1.2). */
  discHeightScale: number;
  /** Bone mineral density relative to a young adult (0.55 osteoporotic – 1.2). */
  boneDensity: number;
  /** Soft-tissue body outline at the L3 level (mm). */
  bodyWidthMm: number;
  bodyDepthMm: number;
  /** Subcutaneous fat thickness (mm). */
  fatThicknessMm: number;
  /** Amount of bowel gas (0 none – 1 a lot). */
  bowelGas: number;
  /** Metal in the field. */
  implants: ('pedicle-screws' | 'rods' | 'surgical-clips' | 'umbilical-piercing')[];
  /** Levels instrumented when implants include pedicle screws/rods. */
  instrumentedLevels: Level[];
  /** Seed for the small per-vertebra irregularities (shape jitter, osteophytes, texture). */
  detailSeed: number;
  /** Apparent age (years, 20–90): older patients get osteophytes at narrowed discs. */
  ageYears?: number;
}

/** An ellipse in 3-D (an endplate): centre plus two semi-axis vectors (mm). */
export interface Ellipse3 {
  center: Vec3;
  axisA: Vec3;
  axisB: Vec3;
}

/**
 * Exact 3-D landmarks of one vertebra in the patient frame, from which the truth criteria are computed.
 * Patient frame: x = patient's left, y = anterior, z = cranial, mm, origin at the centre of L3's body.
 */
export interface VertebraLandmarks {
  level: Level;
  /** Centre of the vertebral body. */
  bodyCenter: Vec3;
  /** Columns: the body's own lateral (toward patient's left), anterior and cranial unit vectors. */
  frame: Mat3;
  /** Semi-axes of the body (elliptic cylinder): half width (lateral), half depth (AP), half height. */
  halfWidth: number;
  halfDepth: number;
  halfHeight: number;
  /** Upper and lower endplates as flat ellipses (the body's caps). */
  upperEndplate: Ellipse3;
  lowerEndplate: Ellipse3;
  /** Centre of the spinous process (the centroid of its solid). */
  spinousProcessCenter: Vec3;
  /** Centres of the left and right inferior articular processes. */
  inferiorArticularLeft: Vec3;
  inferiorArticularRight: Vec3;
  /** Centres of the left and right pedicles. */
  pedicleLeft: Vec3;
  pedicleRight: Vec3;
}

export interface Anatomy {
  params: PatientParams;
  /** Every solid of the patient: skeleton, soft tissue, gas, metal. */
  primitives: Primitive[];
  /** T6 … L5, top to bottom. */
  vertebrae: VertebraLandmarks[];
  /** Centre of the S1 upper endplate and the sacrum's cranial unit vector (for centring and truth). */
  sacrum: { s1Center: Vec3; s1Endplate: Ellipse3; tip: Vec3 };
  /** Anterior superior iliac spines and the femoral head centres (landmarks for centring). */
  pelvis: { iliacCrestTop: Vec3; femoralHeadLeft: Vec3; femoralHeadRight: Vec3 };
}
