import { inRange, type CriterionResult, type ExposureTags } from '@spineqc/qc-standard';
import type { Film } from '../film.js';
import { fixed, signed } from '../messages.js';
import { criterionResult } from '../result.js';

/** Deviation index (IEC 62494-1) from the DI tag, else from EI and target EI; null if neither. */
export function deviationIndex(tags: ExposureTags | undefined): number | null {
  if (!tags) return null;
  if (isFiniteNumber(tags.deviationIndex)) return tags.deviationIndex;
  const { exposureIndex: ei, targetExposureIndex: target } = tags;
  if (isFiniteNumber(ei) && isFiniteNumber(target) && ei > 0 && target > 0)
    return 10 * Math.log10(ei / target);
  return null;
}

/** 9. Every view: exposure within the AAPM TG-116 action levels of the deviation index. */
export function exposure(film: Film): CriterionResult {
  const range = film.thresholds.ranges.exposure;
  const value = deviationIndex(film.exposure);
  if (value === null)
    return criterionResult('exposure', film.thresholds, {
      passed: null,
      value: null,
      message: 'no exposure index in the image: exposure not assessed',
    });
  // DI is 10·log10 of the detector dose ratio, so 10^(DI/10) is the dose relative to the target.
  const dose = `DI ${signed(value)}, ≈${fixed(10 ** (value / 10), 1)}× the target dose`;
  if (inRange(value, range))
    return criterionResult('exposure', film.thresholds, {
      passed: true,
      value,
      message: `exposure adequate (${dose})`,
    });
  const over = value > range[1];
  return criterionResult('exposure', film.thresholds, {
    passed: false,
    value,
    message: over ? `overexposed (${dose})` : `underexposed (${dose}): image noisy`,
    correction: over ? 'reduce mAs' : 'increase mAs',
  });
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
