import type { CriterionId, CriterionResult } from '@spineqc/qc-standard';
import { l3DoubleContour } from './criteria/double-contour.js';
import { exposure } from './criteria/exposure.js';
import { vertebraeInField } from './criteria/field.js';
import { intervertebralForaminaVisible, spinousProcessesVisible } from './criteria/lateral-visibility.js';
import { pelvisInField, sacrumInField } from './criteria/presence.js';
import { inferiorArticularProcesses, scottieDog } from './criteria/scottie-dog.js';
import { spinousProcessMidline } from './criteria/spinous-midline.js';
import type { Film } from './film.js';

/** The measurement behind every criterion of the standard. */
export const RULES: Record<CriterionId, (film: Film) => CriterionResult> = {
  'vertebrae-in-field': vertebraeInField,
  'spinous-process-midline': spinousProcessMidline,
  'l3-double-contour': l3DoubleContour,
  'pelvis-in-field': pelvisInField,
  'sacrum-in-field': sacrumInField,
  'spinous-processes-visible': spinousProcessesVisible,
  'intervertebral-foramina-visible': intervertebralForaminaVisible,
  'scottie-dog': scottieDog,
  'inferior-articular-processes': inferiorArticularProcesses,
  exposure,
};
