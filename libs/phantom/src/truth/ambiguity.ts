import { DEFAULT_THRESHOLDS, type CriterionId, type QcThresholds } from '@spineqc/qc-standard';
import type { GeometricTruth } from './criteria-truth.js';

/**
 * Half-width of the band around each threshold inside which a film's truth is below what its pixels
 * can resolve (a value 0.401 vs 0.399 is the same film to any reader). The generator re-draws such
 * films so every expected verdict is decidable; the band is a few times the measurement error.
 */
export const AMBIGUITY_BAND: Partial<Record<CriterionId, number>> = {
  'spinous-process-midline': 0.02,
  'l3-double-contour': 0.02,
  'scottie-dog': 0.015,
  'pelvis-in-field': 1.0,
  'sacrum-in-field': 0.7,
  exposure: 0.3,
};

/** Vertebrae cut to between these fractions are neither clearly in nor clearly out of the field. */
export const AMBIGUOUS_VISIBLE_FRACTION: readonly [number, number] = [0.35, 0.65];

/** Names of the criteria whose truth is ambiguous for this film (empty = decidable). */
export function ambiguousCriteria(
  truth: GeometricTruth,
  thresholds: QcThresholds = DEFAULT_THRESHOLDS,
): string[] {
  const out: string[] = [];
  if (
    truth.vertebrae.some(
      (v) =>
        v.visibleFraction > AMBIGUOUS_VISIBLE_FRACTION[0] &&
        v.visibleFraction < AMBIGUOUS_VISIBLE_FRACTION[1],
    )
  )
    out.push('vertebrae-in-field');
  for (const [id, band] of Object.entries(AMBIGUITY_BAND) as [CriterionId, number][]) {
    const value = truth.values[id];
    if (value === undefined) continue;
    const [lo, hi] = thresholds.ranges[id];
    if (Math.abs(value - lo) < band || Math.abs(value - hi) < band) out.push(id);
  }
  const min = thresholds.minComponentAreaCm2['intervertebral-foramen'];
  const need = thresholds.ranges['intervertebral-foramina-visible'][0];
  const surelyOpen = truth.foramenOpeningsCm2.filter((a) => a >= min * 1.5).length;
  const possiblyOpen = truth.foramenOpeningsCm2.filter((a) => a > min * 0.6).length;
  if (truth.foramenOpeningsCm2.length && surelyOpen >= need !== possiblyOpen >= need)
    out.push('intervertebral-foramina-visible');
  return out;
}
