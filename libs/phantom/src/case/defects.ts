import type { View } from '@spineqc/qc-standard';

/** Positioning and exposure errors the generator can make on purpose, each a physical cause. */
export const DEFECTS = [
  'field-too-large',
  'field-too-small',
  'rotation',
  'tilt',
  'obliquity-shallow',
  'obliquity-steep',
  'underexposure',
  'overexposure',
] as const;
export type Defect = (typeof DEFECTS)[number];

/** Which defects make sense in which view (each one violates a criterion of that view). */
export const DEFECTS_BY_VIEW: Record<View, readonly Defect[]> = {
  ap: ['field-too-large', 'field-too-small', 'rotation', 'tilt', 'underexposure', 'overexposure'],
  lateral: ['field-too-large', 'field-too-small', 'rotation', 'tilt', 'underexposure', 'overexposure'],
  oblique: [
    'field-too-large',
    'field-too-small',
    'obliquity-shallow',
    'obliquity-steep',
    'underexposure',
    'overexposure',
  ],
};

/** Relative frequency of each defect in a typical department (field too large is the commonest, per the paper). */
export const BASE_DEFECT_WEIGHTS: Record<Defect, number> = {
  'field-too-large': 4,
  'field-too-small': 1.5,
  rotation: 1.5,
  tilt: 1.5,
  'obliquity-shallow': 2,
  'obliquity-steep': 1.5,
  underexposure: 0.7,
  overexposure: 0.7,
};
