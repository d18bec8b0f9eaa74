import { transmissionImage, type Beam } from './beam.js';
import { unattenuatedKermaUgy } from './exposure-index.js';
import { gridPrimaryTransmission, scatterKerma } from './scatter.js';

export interface PathImages {
  bone: Float32Array;
  water: Float32Array;
  metal: Float32Array;
}

export interface KermaTechnique {
  kvp: number;
  mAs: number;
  sidMm: number;
  pixelSpacingMm: number;
  gridRatio: number;
}

/** Noise-free air kerma (µGy) at the detector: polyenergetic primary through the grid plus scatter. */
export function detectorKerma(
  beam: Beam,
  paths: PathImages,
  width: number,
  height: number,
  technique: KermaTechnique,
): Float32Array {
  const free = unattenuatedKermaUgy(technique.mAs, technique.kvp, technique.sidMm);
  const primary = transmissionImage(beam, paths.bone, paths.water, paths.metal);
  for (let i = 0; i < primary.length; i++) primary[i] *= free;
  const total = scatterKerma(primary, paths, width, height, technique.pixelSpacingMm, technique.gridRatio);
  const grid = gridPrimaryTransmission(technique.gridRatio);
  for (let i = 0; i < primary.length; i++) total[i] += grid * primary[i];
  return total;
}
