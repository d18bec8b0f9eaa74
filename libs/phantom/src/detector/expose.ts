import type { Rng } from '../random.js';
import type { LineIntegrals } from '../render/types.js';
import { beamFor } from './beam.js';
import { gaussianBlur } from './blur.js';
import { deviationIndex, exposureIndex, unattenuatedKermaUgy } from './exposure-index.js';
import { detectorKerma } from './kerma.js';
import { addQuantumNoise, quantaPerPixelPerUgy } from './noise.js';
import { processRadiograph } from './processing.js';
import { gridPrimaryTransmission } from './scatter.js';
import { texturedBonePaths } from './texture.js';
import type { DetectorImage, ExposureParams } from './types.js';

/** Light spread in the CsI scintillator (Gaussian σ at the detector). */
const DETECTOR_BLUR_MM = 0.12;
/** The largest lumbar field (43 cm); used to guess the pixel pitch when the caller does not give it. */
const LARGEST_FIELD_MM = 430;

/**
 * From line integrals to the processed film: texture, polyenergetic primary, scatter, exposure
 * index (noise-free, so DI tracks mAs exactly), quantum noise, scintillator blur, DR processing.
 */
export function expose(integrals: LineIntegrals, params: ExposureParams, rng: Rng): DetectorImage {
  const { width, height } = integrals;
  const textureRng = rng.fork('texture');
  const noiseRng = rng.fork('quantum-noise');
  const beam = beamFor(params.kvp);
  const bone = texturedBonePaths(
    integrals.bone,
    integrals.texturedBone,
    width,
    height,
    params.pixelSpacingMm,
    params.textureScale,
    textureRng,
  );
  const kerma = detectorKerma(
    beam,
    { bone, water: integrals.water, metal: integrals.metal },
    width,
    height,
    params,
  );
  // EI from the noise-free kerma, as a calibrated detector's would be: DI then follows mAs exactly.
  const ei = exposureIndex(kerma, width, height);
  let sum = 0;
  for (let i = 0; i < kerma.length; i++) sum += kerma[i];
  const noisy = addQuantumNoise(kerma, quantaPerPixelPerUgy(beam.spectrum, params.pixelSpacingMm), noiseRng);
  const blurPx = DETECTOR_BLUR_MM / params.pixelSpacingMm;
  const detected = gaussianBlur(noisy, width, height, blurPx, blurPx);
  const reference =
    unattenuatedKermaUgy(params.mAs, params.kvp, params.sidMm) * gridPrimaryTransmission(params.gridRatio);
  return {
    width,
    height,
    pixels: processRadiograph(detected, width, height, reference, params.pixelSpacingMm),
    exposureIndex: ei,
    targetExposureIndex: params.targetExposureIndex,
    deviationIndex: deviationIndex(ei, params.targetExposureIndex),
    meanDetectorKermaUgy: sum / kerma.length,
  };
}

/**
 * The mAs an ideal automatic exposure control would choose so that EI = EI_T. Kerma is linear in
 * mAs, so one noise-free evaluation at 1 mAs suffices. The trabecular texture is unknown here (it
 * is random), which shifts the resulting DI by only a few hundredths. Pass the pixel pitch when
 * known: it sets the scatter spread in pixels; without it the field is taken to be 43 cm long.
 */
export function aecMas(
  integrals: LineIntegrals,
  kvp: number,
  sidMm: number,
  gridRatio: number,
  targetExposureIndex: number,
  pixelSpacingMm = LARGEST_FIELD_MM / Math.max(integrals.width, integrals.height),
): number {
  const { width, height } = integrals;
  const technique = { kvp, mAs: 1, sidMm, pixelSpacingMm, gridRatio };
  const kerma = detectorKerma(beamFor(kvp), integrals, width, height, technique);
  return targetExposureIndex / exposureIndex(kerma, width, height);
}
