import type { View } from './anatomy.js';

/** Every criterion of the positioning standard, with the views it applies to. */
export const CRITERIA = {
  'vertebrae-in-field': {
    views: ['ap', 'lateral', 'oblique'],
    label: 'Seven vertebrae T11–L5 in the field',
    unit: 'vertebrae',
  },
  'spinous-process-midline': {
    views: ['ap'],
    label: 'Spinous processes in the midline (no rotation)',
    unit: 'fraction of body width',
  },
  'l3-double-contour': {
    views: ['ap', 'lateral'],
    label: 'No double contour of the L3 endplates',
    unit: 'area ratio',
  },
  'pelvis-in-field': { views: ['ap', 'oblique'], label: 'Pelvis in the field', unit: 'cm²' },
  'sacrum-in-field': { views: ['lateral'], label: 'Sacrum in the field', unit: 'cm²' },
  'spinous-processes-visible': { views: ['lateral'], label: 'Spinous processes in the field', unit: 'count' },
  'intervertebral-foramina-visible': {
    views: ['lateral'],
    label: 'Intervertebral foramina visible',
    unit: 'count',
  },
  'scottie-dog': {
    views: ['oblique'],
    label: '"Scottie dog" visible (obliquity)',
    unit: 'fraction of body width',
  },
  'inferior-articular-processes': {
    views: ['oblique'],
    label: 'Inferior articular processes visible',
    unit: 'count',
  },
  exposure: { views: ['ap', 'lateral', 'oblique'], label: 'Exposure adequate', unit: 'DI' },
} as const satisfies Record<string, { views: readonly View[]; label: string; unit: string }>;

export type CriterionId = keyof typeof CRITERIA;
export const CRITERION_IDS = Object.keys(CRITERIA) as CriterionId[];

export function criteriaForView(view: View): CriterionId[] {
  return CRITERION_IDS.filter((id) => (CRITERIA[id].views as readonly View[]).includes(view));
}

/** Closed pass range [min, max]; use ±Infinity for one-sided ranges. */
export type PassRange = readonly [number, number];

export function inRange(value: number, range: PassRange): boolean {
  return value >= range[0] && value <= range[1];
}
