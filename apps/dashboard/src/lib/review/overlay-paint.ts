import type { Structure } from '@spineqc/qc-standard';
import { structureBit, type MaskLayers } from './mask-layers';
import { DRAW_ORDER, STRUCTURE_COLOURS, type Rgb } from './structure-colours';

/** Translucent enough to read the bone through; outlines opaque so edges stay exact. */
export const FILL_ALPHA = 0.3;
export const OUTLINE_ALPHA = 0.95;

/**
 * RGBA at the mask's own size with each enabled structure filled and outlined, composited in draw order
 * (source-over). The canvas scales it onto the image nearest-neighbour, so labels are never blended.
 * An outline pixel is one inside the structure with a 4-neighbour outside it; the image border is not an edge.
 */
export function paintOverlay(
  layers: MaskLayers,
  enabled: ReadonlySet<Structure>,
  colours: Readonly<Record<Structure, Rgb>> = STRUCTURE_COLOURS,
): Uint8ClampedArray {
  const { width, height, bits } = layers;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const order = DRAW_ORDER.filter((s) => enabled.has(s));
  if (order.length === 0) return rgba;
  // Straight-alpha accumulation in floats, written once at the end.
  const r = new Float64Array(width * height);
  const g = new Float64Array(width * height);
  const b = new Float64Array(width * height);
  const a = new Float64Array(width * height);
  for (const structure of order) {
    const bit = structureBit(structure);
    const [cr, cg, cb] = colours[structure];
    const inside = (x: number, y: number) =>
      x < 0 || y < 0 || x >= width || y >= height ? true : (bits[y * width + x] & bit) !== 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        if ((bits[i] & bit) === 0) continue;
        const edge = !inside(x - 1, y) || !inside(x + 1, y) || !inside(x, y - 1) || !inside(x, y + 1);
        const sa = edge ? OUTLINE_ALPHA : FILL_ALPHA;
        const outA = sa + a[i] * (1 - sa);
        const keep = (a[i] * (1 - sa)) / outA;
        r[i] = cr * (sa / outA) + r[i] * keep;
        g[i] = cg * (sa / outA) + g[i] * keep;
        b[i] = cb * (sa / outA) + b[i] * keep;
        a[i] = outA;
      }
    }
  }
  for (let i = 0, j = 0; i < a.length; i++, j += 4) {
    rgba[j] = r[i];
    rgba[j + 1] = g[i];
    rgba[j + 2] = b[i];
    rgba[j + 3] = Math.round(a[i] * 255);
  }
  return rgba;
}
