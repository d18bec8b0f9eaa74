import { wideBlur } from './blur.js';

/**
 * Scatter, kept simple: each pixel's primary emits scatter in proportion to the water-equivalent
 * path (SPR ≈ 0.16 per cm without a grid: ~3.5 behind a 22 cm abdomen, ~5 through a lateral
 * lumbar spine), spread over the detector by a broad Gaussian. Electron densities relative to water
 * weight the paths: cortical bone 1.78, titanium alloy 3.6 (Compton scattering dominates here).
 */
const SPR_PER_CM = 0.16;
const SCATTER_SPREAD_MM = 45;
const BONE_WATER_EQUIVALENCE = 1.78;
const METAL_WATER_EQUIVALENCE = 3.6;

/** An antiscatter grid passes ~75 % of the primary (lead strips and interspacer), 100 % without one. */
export function gridPrimaryTransmission(gridRatio: number): number {
  return gridRatio > 0 ? 0.75 : 1;
}

/** How much more the grid attenuates scatter than primary: ~6× at r = 8, ~8× at r = 12. */
export function gridScatterTransmission(gridRatio: number): number {
  return gridRatio > 0 ? gridPrimaryTransmission(gridRatio) / (1 + 0.6 * gridRatio) : 1;
}

/** Scatter kerma reaching the detector (after the grid), for the primary kerma before the grid. */
export function scatterKerma(
  primary: Float32Array,
  paths: { bone: Float32Array; water: Float32Array; metal: Float32Array },
  width: number,
  height: number,
  pixelSpacingMm: number,
  gridRatio: number,
): Float32Array {
  const source = new Float32Array(primary.length);
  for (let i = 0; i < source.length; i++) {
    const path =
      paths.water[i] + BONE_WATER_EQUIVALENCE * paths.bone[i] + METAL_WATER_EQUIVALENCE * paths.metal[i];
    source[i] = path > 0 ? primary[i] * SPR_PER_CM * path : 0;
  }
  const spread = wideBlur(source, width, height, SCATTER_SPREAD_MM / pixelSpacingMm);
  const grid = gridScatterTransmission(gridRatio);
  for (let i = 0; i < spread.length; i++) spread[i] *= grid;
  return spread;
}
