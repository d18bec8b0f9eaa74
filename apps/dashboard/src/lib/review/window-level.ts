import type { GreyImage, ValueRange } from './grey-image';
import { percentileRange } from './grey-image';

/** A display window in stored-value units, as DICOM's Window Center / Window Width. */
export interface WindowLevel {
  center: number;
  width: number;
}

export interface WindowLimits {
  centerMin: number;
  centerMax: number;
  widthMin: number;
  widthMax: number;
}

/**
 * A lookup table from every stored value to an 8-bit grey, by DICOM's linear VOI function (PS3.3 C.11.2.1.2),
 * so a window read from the headers shows what a DICOM viewer would.
 */
export function windowLut(window: WindowLevel, maxValue: number): Uint8Array {
  const lut = new Uint8Array(maxValue + 1);
  const c = window.center - 0.5;
  const w = Math.max(0, window.width - 1);
  const low = c - w / 2;
  const high = c + w / 2;
  for (let x = 0; x <= maxValue; x++) {
    if (x <= low) lut[x] = 0;
    else if (x > high) lut[x] = 255;
    else lut[x] = w === 0 ? 255 : Math.round(((x - c) / w + 0.5) * 255);
  }
  return lut;
}

/** Writes each value's grey through the table into an RGBA buffer (an ImageData's data), fully opaque. */
export function applyLut(values: ArrayLike<number>, lut: Uint8Array, rgba: Uint8ClampedArray): void {
  for (let i = 0, j = 0; i < values.length; i++, j += 4) {
    const grey = lut[values[i]];
    rgba[j] = rgba[j + 1] = rgba[j + 2] = grey;
    rgba[j + 3] = 255;
  }
}

/** The window the API suggests in `X-Window-Center` / `X-Window-Width`; null when absent or not numbers. */
export function windowFromHeaders(center: string | null, width: string | null): WindowLevel | null {
  if (center === null || width === null || center.trim() === '' || width.trim() === '') return null;
  const c = Number(center);
  const w = Number(width);
  return Number.isFinite(c) && Number.isFinite(w) && w >= 1 ? { center: c, width: w } : null;
}

/** A window spanning the 1st–99th percentile of the values, for an image that came without one. */
export function robustWindow(image: GreyImage): WindowLevel {
  const { min, max } = percentileRange(image);
  const width = Math.max(1, max - min + 1);
  return { center: min + width / 2, width };
}

/** Centre within the values present; width from 1 to twice their span (so the image can be flattened to grey). */
export function windowLimits(range: ValueRange): WindowLimits {
  const span = Math.max(1, range.max - range.min + 1);
  return {
    centerMin: range.min,
    centerMax: Math.max(range.min + 1, range.max),
    widthMin: 1,
    widthMax: span * 2,
  };
}

export function clampWindow(window: WindowLevel, limits: WindowLimits): WindowLevel {
  return {
    center: Math.min(limits.centerMax, Math.max(limits.centerMin, window.center)),
    width: Math.min(limits.widthMax, Math.max(limits.widthMin, window.width)),
  };
}

/** Stored-value change per screen pixel of drag: the whole span in about 500 px of mouse travel. */
export function dragStep(range: ValueRange): number {
  return Math.max(1, range.max - range.min) / 500;
}

/**
 * The window after a window/level drag from `start`: right widens (less contrast), down raises the centre
 * (darker), as in most PACS viewers.
 */
export function dragWindow(
  start: WindowLevel,
  dx: number,
  dy: number,
  step: number,
  limits: WindowLimits,
): WindowLevel {
  return clampWindow({ center: start.center + dy * step, width: start.width + dx * step }, limits);
}
