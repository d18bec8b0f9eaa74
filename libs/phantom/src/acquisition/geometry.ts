import { mulMat, mulVec, rotX, rotY, rotZ, sub, transpose, type Vec3 } from '../geometry/vec.js';
import type { Projection } from '../geometry/projection.js';
import type { AcquisitionSpec, Pose } from './types.js';

/**
 * Patient → world rotation. The nominal view turns the patient (AP: anterior toward the source;
 * left lateral: the left side on the detector; posterior obliques: the named side down), then the
 * positioning errors are applied: axial rotation in the patient's frame, tilt and roll in the world.
 */
export function poseOf(spec: AcquisitionSpec): Pose {
  const nominal =
    spec.view === 'ap'
      ? rotZ(0)
      : spec.view === 'lateral'
        ? rotZ(-90)
        : rotZ(spec.obliqueSide === 'LPO' ? -spec.obliquityDeg : spec.obliquityDeg);
  const rotation = mulMat(
    rotX(spec.tiltDeg),
    mulMat(rotY(spec.rollDeg), mulMat(nominal, rotZ(spec.axialRotationDeg))),
  );
  // L3's centre sits off the central ray by the centring error.
  const translation: Vec3 = [-spec.centringLateralMm, 0, -spec.centringCranialMm];
  return { rotation, translation };
}

/** World → patient for points. */
function toPatient(pose: Pose, p: Vec3): Vec3 {
  return mulVec(transpose(pose.rotation), sub(p, pose.translation));
}

/**
 * The detector grid expressed in the patient frame. Images are displayed as the radiographer reads
 * them: AP and obliques facing the patient (patient's left on the image right), laterals with the
 * anterior side on the image left; the head is always at the top.
 */
export function projectionOf(spec: AcquisitionSpec): Projection {
  const pose = poseOf(spec);
  const sod = spec.sidMm - spec.oddMm;
  const ps = spec.pixelSpacingMm;
  const width = Math.max(8, Math.round(spec.fieldWidthMm / ps));
  const height = Math.max(8, Math.round(spec.fieldHeightMm / ps));
  const sx = spec.view === 'lateral' ? -1 : 1;
  const sourceW: Vec3 = [0, sod, 0];
  const originW: Vec3 = [sx * (-(width * ps) / 2 + ps / 2), -spec.oddMm, (height * ps) / 2 - ps / 2];
  const duW: Vec3 = [sx * ps, 0, 0];
  const dvW: Vec3 = [0, 0, -ps];
  const rT = transpose(pose.rotation);
  return {
    source: toPatient(pose, sourceW),
    origin: toPatient(pose, originW),
    du: mulVec(rT, duW),
    dv: mulVec(rT, dvW),
    width,
    height,
  };
}

/** Direction of the central ray in the patient frame (unit). */
export function centralRayDirection(spec: AcquisitionSpec): Vec3 {
  const pose = poseOf(spec);
  return mulVec(transpose(pose.rotation), [0, -1, 0]);
}

/** Magnification at the isocentre plane. */
export function isocentreMagnification(spec: AcquisitionSpec): number {
  return spec.sidMm / (spec.sidMm - spec.oddMm);
}
