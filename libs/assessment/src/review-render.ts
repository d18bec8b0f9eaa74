import type { Assessment } from './assess.js';
import { encodePngRgb, renderOverlay, scaledSize } from '@spineqc/imaging';
import { structuresToHighlight } from './criterion-structures.js';

export const THUMBNAIL_MAX_HEIGHT = 320;

/**
 * A small PNG of the film with its segmentation over it, the structures of the failed criteria
 * emphasised. Drawn directly at the thumbnail's size (film shrunk first, masks upsampled to it), so
 * a 3000-pixel film costs no more than a small one; most of the ~0.1 s goes to PNG compression.
 */
export function reviewThumbnail(a: Assessment, maxHeight = THUMBNAIL_MAX_HEIGHT): Uint8Array {
  const { width, height, pixels, bitDepth } = a.radiograph;
  const thumbnailHeight = Math.min(maxHeight, height);
  const work = scaledSize(width, height, thumbnailHeight / height);
  const base = {
    ...work,
    pixels: shrinkGrey(pixels, width, height, work.width, work.height),
    bitsStored: bitDepth,
  };
  const failed = a.verdict.criteria.filter((c) => c.passed === false).map((c) => c.id);
  const masks = a.segmentation?.masksAt(work.width, work.height);
  const overlay = renderOverlay(base, masks?.masks ?? {}, masks?.levels, {
    highlight: structuresToHighlight(failed),
  });
  return encodePngRgb(overlay.rgb, overlay.width, overlay.height);
}

/** Box-average downsampling of grey pixels (each source pixel goes to the output cell it falls in). */
export function shrinkGrey(
  pixels: Uint16Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Uint16Array {
  if (outWidth === width && outHeight === height) return pixels;
  const sums = new Float64Array(outWidth * outHeight);
  const counts = new Uint32Array(outWidth * outHeight);
  const column = Uint32Array.from({ length: width }, (_, x) => Math.floor((x * outWidth) / width));
  for (let y = 0; y < height; y++) {
    const row = Math.floor((y * outHeight) / height) * outWidth;
    for (let x = 0; x < width; x++) {
      sums[row + column[x]] += pixels[y * width + x];
      counts[row + column[x]]++;
    }
  }
  const out = new Uint16Array(outWidth * outHeight);
  for (let i = 0; i < out.length; i++) out[i] = counts[i] ? Math.round(sums[i] / counts[i]) : 0;
  return out;
}
