import { inRange, type CriterionResult } from '@spineqc/qc-standard';
import { countPixels } from '../components.js';
import type { Film } from '../film.js';
import { fixed } from '../messages.js';
import { criterionResult } from '../result.js';
import { areaCm2 } from '../scale.js';

/** 4. AP, oblique: the pelvis (iliac bones) in the field. */
export function pelvisInField(film: Film): CriterionResult {
  return areaCriterion(
    film,
    'pelvis-in-field',
    'pelvis',
    'extend the field caudally to include the iliac crests and sacroiliac joints',
  );
}

/** 4. Lateral: the sacrum in the field. */
export function sacrumInField(film: Film): CriterionResult {
  return areaCriterion(
    film,
    'sacrum-in-field',
    'sacrum',
    'extend the field caudally to include the sacrum (S1–S2)',
  );
}

function areaCriterion(
  film: Film,
  id: 'pelvis-in-field' | 'sacrum-in-field',
  structure: 'pelvis' | 'sacrum',
  correction: string,
): CriterionResult {
  const range = film.thresholds.ranges[id];
  const value = areaCm2(countPixels(film.masks.masks[structure]), film.scale);
  const passed = inRange(value, range);
  const message = passed
    ? `${structure} in field (${fixed(value, 1)} cm²)`
    : `${structure} ${value > 0 ? 'barely' : 'not'} in field (${fixed(value, 1)} cm², need ≥ ${fixed(range[0], 1)} cm²)`;
  return criterionResult(id, film.thresholds, { passed, value, message, correction });
}
