import { inRange, levelCode, type CriterionResult } from '@spineqc/qc-standard';
import { countPixels } from '../components.js';
import type { Film } from '../film.js';
import { fixed, rangeText } from '../messages.js';
import { criterionResult } from '../result.js';

/** 3. AP and lateral: no double contour of the L3 endplates (beam parallel to them). */
export function l3DoubleContour(film: Film): CriterionResult {
  const range = film.thresholds.ranges['l3-double-contour'];
  const l3Code = levelCode('L3');
  let l3Pixels = 0;
  const levels = film.masks.levels;
  for (let i = 0; i < levels.length; i++) if (levels[i] === l3Code) l3Pixels++;
  if (!l3Pixels)
    return criterionResult('l3-double-contour', film.thresholds, {
      passed: false,
      value: null,
      message: 'L3 not identified',
      correction: 'centre the central ray on L3 and include L1–L5 in the field',
    });
  const value = countPixels(film.masks.masks['l3-double-contour']) / l3Pixels;
  const passed = inRange(value, range);
  const found = `double contour of the L3 endplates ${fixed(value, 2)} of the L3 area (${rangeText(range, 2)})`;
  return criterionResult('l3-double-contour', film.thresholds, {
    passed,
    value,
    message: value === 0 ? 'no double contour of the L3 endplates' : found,
    correction:
      'the beam is not parallel to the L3 endplates: centre the central ray on L3 and, on the lateral, support the waist so the spine is parallel to the table / angle the tube',
  });
}
