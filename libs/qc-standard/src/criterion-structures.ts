import type { Structure } from './anatomy.js';
import type { CriterionId } from './criteria.js';

/**
 * The structures whose segmentation a criterion is measured on, highlighted on a failed film's
 * thumbnail so the reader sees what went wrong. Exposure is judged from the header: none.
 */
export const CRITERION_STRUCTURES: Readonly<Record<CriterionId, readonly Structure[]>> = {
  'vertebrae-in-field': ['vertebral-body'],
  'spinous-process-midline': ['spinous-process', 'vertebral-body'],
  'l3-double-contour': ['l3-double-contour'],
  'pelvis-in-field': ['pelvis'],
  'sacrum-in-field': ['sacrum'],
  'spinous-processes-visible': ['spinous-process'],
  'intervertebral-foramina-visible': ['intervertebral-foramen'],
  'scottie-dog': ['inferior-articular-process', 'pedicle', 'vertebral-body'],
  'inferior-articular-processes': ['inferior-articular-process'],
  exposure: [],
};

export function structuresToHighlight(failed: readonly CriterionId[]): Structure[] {
  return [...new Set(failed.flatMap((id) => CRITERION_STRUCTURES[id]))];
}
