import {
  DEFAULT_THRESHOLDS,
  inRange,
  isLumbar,
  type CriterionId,
  type QcThresholds,
  type View,
} from '@spineqc/qc-standard';
import type { Anatomy } from '../anatomy/types.js';
import { clipConvex, imageRect, polygonArea, projectEllipse, projectEllipsoid } from '../geometry/polygon.js';
import { projectPoint, type Projection } from '../geometry/projection.js';
import { insideImage, projectVertebra, type ProjectedVertebra } from './vertebra-projection.js';

/**
 * Criterion values computed from the 3-D geometry: landmarks and exact outlines projected with the
 * film's cone-beam geometry. Deliberately independent of libs/qc-rules, which measures the same
 * quantities on pixel masks; the oracle evaluation compares the two.
 */
export interface GeometricTruth {
  vertebrae: ProjectedVertebra[];
  values: Partial<Record<CriterionId, number>>;
  /** See-through area (cm²) of each foramen pair, for the ambiguity guard. */
  foramenOpeningsCm2: number[];
  /** Counted top and bottom levels (for the field criterion). */
  fieldTop: string | null;
  fieldBottom: string | null;
}

export interface TruthInputs {
  view: View;
  anatomy: Anatomy;
  projection: Projection;
  pixelSpacingMm: number;
  /** Projected areas (mm²) of pelvis and sacrum from the rendered silhouettes. */
  areasMm2: { pelvis: number; sacrum: number };
  deviationIndex: number;
  thresholds?: QcThresholds;
}

export function computeGeometricTruth(input: TruthInputs): GeometricTruth {
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const { projection: p, anatomy, view } = input;
  const projected = anatomy.vertebrae.map((v) => projectVertebra(p, v)).filter((v) => v.visibleFraction > 0);
  const counted = projected.filter((v) => v.visibleFraction >= t.minVisibleFractionToCount);
  const lumbar = counted.filter((v) => isLumbar(v.level));
  const values: Partial<Record<CriterionId, number>> = {};
  const cm2 = (mm2: number) => mm2 / 100;
  const pxToCm2 = (px: number) => (px * input.pixelSpacingMm ** 2) / 100;

  const foramenOpeningsCm2 = view === 'lateral' ? foramenOpenings(input).map(pxToCm2) : [];
  values['vertebrae-in-field'] = counted.length;
  if (view === 'ap') {
    const fractions = lumbar
      .map((v) => ({ v, sp: projectPoint(p, v.landmarks.spinousProcessCenter) }))
      .filter(({ sp }) => insideImage(p, sp))
      .map(({ v, sp }) => (sp[0] - v.left) / (v.right - v.left));
    if (fractions.length) values['spinous-process-midline'] = mean(fractions);
  }
  if (view === 'ap' || view === 'lateral') {
    const l3 = anatomy.vertebrae.find((v) => v.level === 'L3');
    const l3p = projected.find((v) => v.level === 'L3');
    if (l3 && l3p) {
      const rect = imageRect(p.width, p.height);
      const upper = clipConvex(projectEllipse(p, l3.upperEndplate), rect);
      const lower = clipConvex(projectEllipse(p, l3.lowerEndplate), rect);
      const overlap = upper.length && lower.length ? polygonArea(clipConvex(upper, lower)) : 0;
      const swept = polygonArea(upper) + polygonArea(lower) - overlap;
      values['l3-double-contour'] = swept / polygonArea(clipConvex(l3p.outline, rect));
    }
  }
  if (view === 'ap' || view === 'oblique') values['pelvis-in-field'] = cm2(input.areasMm2.pelvis);
  if (view === 'lateral') {
    values['sacrum-in-field'] = cm2(input.areasMm2.sacrum);
    values['spinous-processes-visible'] = projected.filter((v) =>
      insideImage(p, projectPoint(p, v.landmarks.spinousProcessCenter)),
    ).length;
    values['intervertebral-foramina-visible'] = foramenOpeningsCm2.filter(
      (a) => a >= t.minComponentAreaCm2['intervertebral-foramen'],
    ).length;
  }
  if (view === 'oblique') {
    const dogs = lumbar.map((v) => dogSide(p, v)).filter((d) => insideImage(p, d.point));
    if (dogs.length) values['scottie-dog'] = mean(dogs.map((d) => d.fraction));
    values['inferior-articular-processes'] = dogs.length;
  }
  values.exposure = input.deviationIndex;

  return {
    vertebrae: projected,
    values,
    foramenOpeningsCm2,
    fieldTop: counted[0]?.level ?? null,
    fieldBottom: counted[counted.length - 1]?.level ?? null,
  };
}

/**
 * The "Scottie dog" front leg: of the two inferior articular processes, the one projected nearer the
 * body's centre (the other lies behind the body). Its position is measured from the body's posterior
 * edge — the side toward which the posterior elements project.
 */
function dogSide(p: Projection, v: ProjectedVertebra): { point: [number, number]; fraction: number } {
  const left = projectPoint(p, v.landmarks.inferiorArticularLeft);
  const right = projectPoint(p, v.landmarks.inferiorArticularRight);
  const centre = (v.left + v.right) / 2;
  const sign = Math.sign((left[0] + right[0]) / 2 - centre) || 1;
  const dog = Math.abs(left[0] - centre) <= Math.abs(right[0] - centre) ? left : right;
  const posteriorEdge = sign > 0 ? v.right : v.left;
  return { point: dog, fraction: ((posteriorEdge - dog[0]) * sign) / (v.right - v.left) };
}

/** See-through area (px) of each foramen pair: where the ray passes through both openings, inside the image. */
function foramenOpenings(input: TruthInputs): number[] {
  const { projection: p, anatomy } = input;
  const rect = imageRect(p.width, p.height);
  const groups = new Map<string, ReturnType<typeof projectEllipsoid>[]>();
  for (const prim of anatomy.primitives) {
    if (prim.structure !== 'intervertebral-foramen' || !prim.maskGroup) continue;
    const outline = clipConvex(projectEllipsoid(p, prim.center, prim.axes), rect);
    groups.set(prim.maskGroup, [...(groups.get(prim.maskGroup) ?? []), outline]);
  }
  return [...groups.values()]
    .map((outlines) => outlines.reduce((acc, o) => (acc.length && o.length ? clipConvex(acc, o) : [])))
    .map((poly) => (poly.length >= 3 ? polygonArea(poly) : 0));
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Pass/fail of every criterion of the view under the thresholds (missing value ⇒ fail). */
export function judgeTruth(
  truth: GeometricTruth,
  criteria: CriterionId[],
  thresholds: QcThresholds = DEFAULT_THRESHOLDS,
): { id: CriterionId; value: number; passed: boolean }[] {
  return criteria.map((id) => {
    const value = truth.values[id];
    if (value === undefined) return { id, value: Number.NaN, passed: false };
    let passed = inRange(value, thresholds.ranges[id]);
    if (id === 'vertebrae-in-field')
      passed =
        passed && truth.fieldTop === thresholds.fieldTop && truth.fieldBottom === thresholds.fieldBottom;
    return { id, value, passed };
  });
}
