import { STRUCTURES, type Structure } from '@spineqc/qc-standard';
import type { DecodedPngLike } from './grey-image';

/**
 * The segmentation as GET /api/exams/:id/masks sends it (8-bit grey+alpha PNG, at the analysis size):
 * grey bit i set = STRUCTURES[i] present, alpha = vertebral level code (0 = none).
 */
export interface MaskLayers {
  width: number;
  height: number;
  bits: Uint8Array;
  levels: Uint8Array;
}

export function maskLayersFromPng(png: DecodedPngLike): MaskLayers {
  if (png.channels !== 2 || png.depth !== 8) {
    throw new Error(
      `the segmentation must be an 8-bit grey+alpha PNG, got ${png.depth}-bit with ${png.channels} channels`,
    );
  }
  const count = png.width * png.height;
  const bits = new Uint8Array(count);
  const levels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    bits[i] = png.data[2 * i];
    levels[i] = png.data[2 * i + 1];
  }
  return { width: png.width, height: png.height, bits, levels };
}

export function structureBit(structure: Structure): number {
  return 1 << STRUCTURES.indexOf(structure);
}

/** Which structures have at least one pixel: an empty mask means the view does not show it. */
export function structuresPresent(layers: MaskLayers): Set<Structure> {
  let seen = 0;
  for (const b of layers.bits) seen |= b;
  return new Set(STRUCTURES.filter((s) => (seen & structureBit(s)) !== 0));
}
