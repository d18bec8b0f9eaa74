import { assertImageSize } from './errors.js';

export interface RgbImage {
  width: number;
  height: number;
  /** Row-major R, G, B bytes. */
  rgb: Uint8Array;
}

/**
 * Resizes by area averaging: each output pixel is the mean of the source area it covers (with
 * fractional edge weights), so thin outlines and text thin out rather than vanish or alias.
 */
export function resizeRgb(image: RgbImage, width: number, height: number): RgbImage {
  assertImageSize('resizeRgb', image.rgb.length, image.width, image.height, 3);
  assertImageSize('resizeRgb target', width * height * 3, width, height, 3);
  if (width === image.width && height === image.height) return { width, height, rgb: image.rgb.slice() };
  const columns = coverage(image.width, width);
  const rows = coverage(image.height, height);

  // Horizontal pass into floats, then vertical pass into bytes.
  const horizontal = new Float32Array(width * image.height * 3);
  for (let y = 0; y < image.height; y++) {
    const src = y * image.width * 3;
    const dst = y * width * 3;
    for (let x = 0; x < width; x++) {
      const { index, weight } = columns[x];
      let r = 0;
      let g = 0;
      let b = 0;
      for (let k = 0; k < index.length; k++) {
        const o = src + index[k] * 3;
        r += image.rgb[o] * weight[k];
        g += image.rgb[o + 1] * weight[k];
        b += image.rgb[o + 2] * weight[k];
      }
      horizontal[dst + x * 3] = r;
      horizontal[dst + x * 3 + 1] = g;
      horizontal[dst + x * 3 + 2] = b;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const { index, weight } = rows[y];
    for (let x = 0; x < width * 3; x++) {
      let sum = 0;
      for (let k = 0; k < index.length; k++) sum += horizontal[index[k] * width * 3 + x] * weight[k];
      rgb[y * width * 3 + x] = Math.min(255, Math.max(0, Math.round(sum)));
    }
  }
  return { width, height, rgb };
}

/** Size of an image scaled by `scale`, at least 1×1. */
export function scaledSize(width: number, height: number, scale: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** For each output cell along one axis: the source cells it overlaps and their weights (summing to 1). */
function coverage(sourceLength: number, targetLength: number): { index: number[]; weight: number[] }[] {
  const step = sourceLength / targetLength;
  const cells: { index: number[]; weight: number[] }[] = [];
  for (let i = 0; i < targetLength; i++) {
    const start = i * step;
    const end = start + step;
    const index: number[] = [];
    const weight: number[] = [];
    for (let j = Math.floor(start); j < Math.min(sourceLength, Math.ceil(end)); j++) {
      const overlap = Math.min(end, j + 1) - Math.max(start, j);
      if (overlap > 1e-9) {
        index.push(j);
        weight.push(overlap / step);
      }
    }
    cells.push({ index, weight });
  }
  return cells;
}
