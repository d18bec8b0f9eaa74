import type { CriterionId, PassRange } from './criteria.js';

/**
 * Site-configurable thresholds of the standard. The verdict records `version`, so a change of any
 * number must come with a new version string.
 */
export interface QcThresholds {
  version: string;
  /** Pass range per criterion, in the criterion's unit. */
  ranges: Record<CriterionId, PassRange>;
  /**
   * A vertebral body cut by the field edge counts as "in the field" when at least this fraction of
   * its height is inside. Below it the fragment is ignored, so a sliver of T10 does not make a
   * field "too large" and a half-missing L5 does make it "too small".
   */
  minVisibleFractionToCount: number;
  /**
   * Smallest area (cm²) for one spinous process, foramen or articular process to count as visible. A
   * foramen must show at least about half of its opening (≈ 1.5–2 cm² on a true lateral); a rotated
   * lateral shifts the left and right foramina apart and the see-through part shrinks below it.
   */
  minComponentAreaCm2: {
    'spinous-process': number;
    'intervertebral-foramen': number;
    'inferior-articular-process': number;
  };
  /** Levels that must bound the field: the top and bottom counted vertebrae. */
  fieldTop: 'T11';
  fieldBottom: 'L5';
}

/** Defaults of Chen et al. 2022 (Table 1) and AAPM TG-116 action levels for the deviation index. */
export const DEFAULT_THRESHOLDS: QcThresholds = {
  version: 'paper-2022.1',
  ranges: {
    'vertebrae-in-field': [7, 7],
    'spinous-process-midline': [0.4, 0.6],
    'l3-double-contour': [0, 0.21],
    'pelvis-in-field': [4, Infinity],
    'sacrum-in-field': [2, Infinity],
    'spinous-processes-visible': [3, Infinity],
    'intervertebral-foramina-visible': [3, Infinity],
    'scottie-dog': [0.265, 0.365],
    'inferior-articular-processes': [3, Infinity],
    exposure: [-3, 3],
  },
  minVisibleFractionToCount: 0.5,
  minComponentAreaCm2: {
    'spinous-process': 0.3,
    'intervertebral-foramen': 0.8,
    'inferior-articular-process': 0.1,
  },
  fieldTop: 'T11',
  fieldBottom: 'L5',
};
