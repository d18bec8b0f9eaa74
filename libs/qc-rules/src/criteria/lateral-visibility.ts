import { inRange, type CriterionResult } from '@spineqc/qc-standard';
import { significantComponents, type Film } from '../film.js';
import { rangeText } from '../messages.js';
import { criterionResult } from '../result.js';

/** 5. Lateral: spinous processes in the field (posterior elements not collimated off). */
export function spinousProcessesVisible(film: Film): CriterionResult {
  const range = film.thresholds.ranges['spinous-processes-visible'];
  const value = significantComponents(film, 'spinous-process').length;
  return criterionResult('spinous-processes-visible', film.thresholds, {
    passed: inRange(value, range),
    value,
    message: `${value} spinous process${value === 1 ? '' : 'es'} visible (${rangeText(range, 0)})`,
    correction:
      'spinous processes cut: move the field centre posteriorly so the posterior elements are included',
  });
}

/** 6. Lateral: intervertebral foramina seen through (a true lateral superimposes both sides). */
export function intervertebralForaminaVisible(film: Film): CriterionResult {
  const range = film.thresholds.ranges['intervertebral-foramina-visible'];
  const value = significantComponents(film, 'intervertebral-foramen').length;
  return criterionResult('intervertebral-foramina-visible', film.thresholds, {
    passed: inRange(value, range),
    value,
    message: `${value} intervertebral ${value === 1 ? 'foramen' : 'foramina'} visible (${rangeText(range, 0)})`,
    correction: 'foramina not seen: the patient is rotated; superimpose the posterior vertebral margins',
  });
}
