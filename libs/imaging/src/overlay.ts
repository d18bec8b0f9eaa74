import {
  levelFromCode,
  STRUCTURE_COLOURS,
  STRUCTURE_DRAW_ORDER as DRAW_ORDER,
  type Rgb,
  type Structure,
} from '@spineqc/qc-standard';
import { assertImageSize, ImagingError } from './errors.js';
import { drawText, textHeight, textWidth } from './font.js';
import { resizeRgb, scaledSize, type RgbImage } from './resample.js';
import { robustWindow, windowTo8Bit } from './window.js';

// The palette lives with the standard so the dashboard's viewer draws the same colours.
export { STRUCTURE_COLOURS, type Rgb };

const FILL_ALPHA = 0.35;
const HIGHLIGHT_ALPHA = 0.55;
const DIMMED_ALPHA = 0.15;
const LABEL_COLOUR: Rgb = [255, 255, 255];
const LABEL_SHADOW: Rgb = [0, 0, 0];

export interface OverlayBase {
  width: number;
  height: number;
  pixels: Uint16Array;
  bitsStored: number;
}

export interface OverlayOptions {
  /** Draw each structure's outline instead of a translucent fill. */
  outline?: boolean;
  /** Structures to emphasise (e.g. those of a failed criterion); the others are dimmed. */
  highlight?: Structure[];
  /** Output size relative to the input (area-averaged), e.g. 0.25 for a thumbnail. Default 1. */
  scale?: number;
}

/**
 * The radiograph windowed to 8 bits with each structure's mask coloured over it and each
 * vertebral body labelled with its level at its left edge.
 */
export function renderOverlay(
  base: OverlayBase,
  masks: Partial<Record<Structure, Uint8Array>>,
  levels?: Uint8Array,
  options: OverlayOptions = {},
): RgbImage {
  const { width, height } = base;
  assertImageSize('renderOverlay', base.pixels.length, width, height);
  const scale = options.scale ?? 1;
  if (!(scale > 0))
    throw new ImagingError('INVALID_IMAGE', `renderOverlay: scale must be positive, got ${scale}`);

  const grey = windowTo8Bit(base.pixels, robustWindow(base.pixels));
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < grey.length; i++) rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = grey[i];

  const highlight = new Set(options.highlight ?? []);
  // An outline must stay at least about one output pixel wide after downscaling.
  const outlineWidth = Math.max(1, Math.ceil(1 / Math.min(1, scale)));
  for (const structure of DRAW_ORDER) {
    const mask = masks[structure];
    if (!mask) continue;
    assertImageSize(`renderOverlay mask ${structure}`, mask.length, width, height);
    const colour = STRUCTURE_COLOURS[structure];
    const emphasised = highlight.has(structure);
    const alpha = highlight.size === 0 ? FILL_ALPHA : emphasised ? HIGHLIGHT_ALPHA : DIMMED_ALPHA;
    if (options.outline) {
      if (emphasised) blend(rgb, mask, colour, DIMMED_ALPHA);
      blend(rgb, outlineOf(mask, width, height, emphasised ? 2 * outlineWidth : outlineWidth), colour, 1);
    } else {
      blend(rgb, mask, colour, alpha);
      if (emphasised) blend(rgb, outlineOf(mask, width, height, outlineWidth), colour, 1);
    }
  }

  const size = scaledSize(width, height, scale);
  const out =
    scale === 1 ? { width, height, rgb } : resizeRgb({ width, height, rgb }, size.width, size.height);
  if (levels) {
    assertImageSize('renderOverlay levels', levels.length, width, height);
    labelLevels(out, levels, width, height, scale);
  }
  return out;
}

/** Writes the level name left of each vertebral body, vertically centred on it, in output coordinates. */
function labelLevels(out: RgbImage, levels: Uint8Array, width: number, height: number, scale: number): void {
  const stats = new Map<number, { minX: number; sumY: number; count: number }>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const code = levels[y * width + x];
      if (code === 0) continue;
      const entry = stats.get(code) ?? { minX: x, sumY: 0, count: 0 };
      entry.minX = Math.min(entry.minX, x);
      entry.sumY += y;
      entry.count++;
      stats.set(code, entry);
    }
  }
  const textScale = Math.max(1, Math.round(out.height / 400));
  const gap = 2 * textScale;
  for (const [code, { minX, sumY, count }] of stats) {
    const name = levelFromCode(code);
    if (!name) continue;
    const x = Math.max(0, Math.round(minX * scale) - gap - textWidth(name, textScale));
    const y = Math.round((sumY / count) * scale - textHeight(textScale) / 2);
    drawText(out.rgb, out.width, out.height, x + textScale, y + textScale, name, LABEL_SHADOW, textScale);
    drawText(out.rgb, out.width, out.height, x, y, name, LABEL_COLOUR, textScale);
  }
}

function blend(rgb: Uint8Array, mask: Uint8Array, colour: Rgb, alpha: number): void {
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const o = 3 * i;
    rgb[o] = Math.round(rgb[o] * (1 - alpha) + colour[0] * alpha);
    rgb[o + 1] = Math.round(rgb[o + 1] * (1 - alpha) + colour[1] * alpha);
    rgb[o + 2] = Math.round(rgb[o + 2] * (1 - alpha) + colour[2] * alpha);
  }
}

/** Mask pixels within `thickness` pixels (square neighbourhood) of the background or the image edge. */
export function outlineOf(mask: Uint8Array, width: number, height: number, thickness: number): Uint8Array {
  const interior = erodeColumns(erodeRows(mask, width, height, thickness), width, height, thickness);
  const outline = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) outline[i] = mask[i] && !interior[i] ? 1 : 0;
  return outline;
}

/** 1 where the whole horizontal run [x − r, x + r] is inside the mask (outside the image counts as background). */
function erodeRows(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  const span = 2 * radius + 1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let run = 0; // mask pixels in a row ending at x
    for (let x = 0; x < width; x++) {
      run = mask[row + x] ? run + 1 : 0;
      if (run >= span) out[row + x - radius] = 1;
    }
  }
  return out;
}

/** The same along columns, sweeping rows so memory is read in order. */
function erodeColumns(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  const span = 2 * radius + 1;
  const run = new Int32Array(width);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      run[x] = mask[row + x] ? run[x] + 1 : 0;
      if (run[x] >= span) out[row - radius * width + x] = 1;
    }
  }
  return out;
}
