import { STRUCTURES, type MaskSet } from '@spineqc/qc-standard';
import { decodePng } from './png.js';
import { encode } from 'fast-png';
import { ImagingError } from './errors.js';

/**
 * A segmentation kept for later drawing, in one small PNG: grey = one bit per structure (eight
 * structures, eight bits), alpha = the level code. At the analysis size (≤ 512 px) it is a few kB.
 */
export function encodeMaskSet(set: MaskSet): Uint8Array {
  const { width, height } = set;
  const data = new Uint8Array(width * height * 2);
  STRUCTURES.forEach((structure, bit) => {
    const mask = set.masks[structure];
    for (let i = 0; i < mask.length; i++) if (mask[i]) data[2 * i] |= 1 << bit;
  });
  for (let i = 0; i < set.levels.length; i++) data[2 * i + 1] = set.levels[i];
  return encode({ width, height, data, depth: 8, channels: 2 });
}

export function decodeMaskSet(bytes: Uint8Array): MaskSet {
  const png = decodePng(bytes);
  if (png.channels !== 2 || png.bitDepth !== 8) {
    throw new ImagingError('INVALID_IMAGE', 'a stored segmentation is an 8-bit grey+alpha PNG');
  }
  const { width, height } = png;
  const data = png.data as Uint8Array;
  const masks = Object.fromEntries(
    STRUCTURES.map((structure, bit) => {
      const mask = new Uint8Array(width * height);
      for (let i = 0; i < mask.length; i++) mask[i] = (data[2 * i] >> bit) & 1;
      return [structure, mask];
    }),
  ) as MaskSet['masks'];
  const levels = new Uint8Array(width * height);
  for (let i = 0; i < levels.length; i++) levels[i] = data[2 * i + 1];
  return { width, height, masks, levels };
}

/** Nearest-neighbour resampling of every mask and the level map (labels must not be blended). */
export function resizeMaskSet(set: MaskSet, width: number, height: number): MaskSet {
  if (width === set.width && height === set.height) return set;
  const columns = Uint32Array.from({ length: width }, (_, x) =>
    Math.min(set.width - 1, Math.floor(((x + 0.5) * set.width) / width)),
  );
  const resize = (source: Uint8Array) => {
    const out = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      const row = Math.min(set.height - 1, Math.floor(((y + 0.5) * set.height) / height)) * set.width;
      for (let x = 0; x < width; x++) out[y * width + x] = source[row + columns[x]];
    }
    return out;
  };
  const masks = Object.fromEntries(STRUCTURES.map((s) => [s, resize(set.masks[s])])) as MaskSet['masks'];
  return { width, height, masks, levels: resize(set.levels) };
}
