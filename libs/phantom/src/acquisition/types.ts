import type { View } from '@spineqc/qc-standard';

/**
 * How one film is taken: the patient's pose relative to the nominal view, the beam geometry and the
 * collimated field. World frame: source at (0, sod, 0) looking down −y onto a detector in the plane
 * y = −odd; the central ray hits the detector at the field centre. Angles in degrees, lengths in mm.
 */
export interface AcquisitionSpec {
  view: View;
  /** Posterior oblique side (the side nearer the detector); null for AP and lateral. */
  obliqueSide: 'LPO' | 'RPO' | null;
  /** Patient rotation about the long axis for oblique views (45 nominal); ignored otherwise. */
  obliquityDeg: number;
  /** Positioning error: extra rotation about the patient's long axis. */
  axialRotationDeg: number;
  /** Angle between the central ray and the L3 endplates, about the horizontal axis across the beam. */
  tiltDeg: number;
  /** Rotation of the spine about the beam axis (the spine runs obliquely across the film). */
  rollDeg: number;
  sidMm: number;
  /** Distance from L3's centre (isocentre) to the detector plane. */
  oddMm: number;
  detector: '35x43' | '43x43';
  /** Field at the detector. */
  fieldWidthMm: number;
  fieldHeightMm: number;
  /** Where the central ray passes relative to L3's centre, in the isocentre plane (+ = cranial / patient-left-ish). */
  centringCranialMm: number;
  centringLateralMm: number;
  pixelSpacingMm: number;
}

export interface Pose {
  /** Patient → world rotation (row-major 3×3) and translation: p_world = R·p + t. */
  rotation: import('../geometry/vec.js').Mat3;
  translation: import('../geometry/vec.js').Vec3;
}
