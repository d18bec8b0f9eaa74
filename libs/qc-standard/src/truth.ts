import type { Level, Structure, View } from './anatomy.js';
import type { CriterionId, PassRange } from './criteria.js';

/** The ground truth written beside every phantom image as `<id>.truth.json`. */
export interface CaseTruth {
  id: string;
  generator: { name: 'spineqc-phantom'; version: string; seed: number; index: number };
  view: View;
  /** For oblique views: which side is nearer the detector (LPO = left posterior oblique). */
  obliqueSide: 'LPO' | 'RPO' | null;
  image: {
    width: number;
    height: number;
    /** [row, column] spacing in mm at the detector plane. */
    pixelSpacingMm: [number, number];
    bitsStored: number;
    photometricInterpretation: 'MONOCHROME2';
  };
  acquisition: {
    sidMm: number;
    /** Source to isocentre (L3) distance. */
    sodMm: number;
    detector: '35x43' | '43x43';
    kvp: number;
    mAs: number;
    /** Collimated field on the detector, mm. */
    fieldMm: { width: number; height: number };
    exposureIndex: number;
    targetExposureIndex: number;
    deviationIndex: number;
  };
  pose: {
    /** Rotation of the patient about the long axis away from the nominal view (deg). */
    axialRotationDeg: number;
    /** Obliquity of the patient for oblique views (deg, 45 nominal); 0 for AP, 90 for lateral. */
    obliquityDeg: number;
    /** Cranio-caudal angle between the beam and the L3 endplates (deg). */
    tiltDeg: number;
    /** Side bend / roll about the beam axis (deg). */
    rollDeg: number;
    /** Field centre relative to L3 along the spine (mm, + = cranial). */
    centringOffsetMm: number;
  };
  patient: {
    sex: 'F' | 'M';
    sizeScale: number;
    lordosisDeg: number;
    scoliosisDeg: number;
    discHeightScale: number;
    boneDensity: number;
    bodyWidthMm: number;
    bodyDepthMm: number;
    bowelGas: number;
    implants: string[];
  };
  operator: string;
  station: string;
  /** Defects that the generator introduced on purpose (empty for an intended qualified film). */
  defects: string[];
  /** Every vertebral body with any part projected in the field. */
  vertebrae: { level: Level; visibleFraction: number; inField: boolean }[];
  /** Criterion values computed from the 3-D geometry, with the expected pass/fail under the default thresholds. */
  criteria: { id: CriterionId; value: number; range: PassRange; passed: boolean }[];
  qualified: boolean;
  thresholdsVersion: string;
  /** Level map code → level name. */
  levelLegend: Record<string, Level>;
  /** Projected area of each structure in the image (mm²). */
  structureAreasMm2: Record<Structure, number>;
}
