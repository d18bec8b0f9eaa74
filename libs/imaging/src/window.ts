/** A grey-level window [low, high] of stored pixel values, mapped to black … white. */
export interface GreyWindow {
  low: number;
  high: number;
}

/**
 * Window from percentiles of the histogram, so a few hot pixels, markers or blank collimated
 * borders do not wash out the anatomy the way a min/max window would.
 */
export function robustWindow(pixels: Uint16Array, lowFraction = 0.01, highFraction = 0.99): GreyWindow {
  if (pixels.length === 0) return { low: 0, high: 1 };
  const histogram = new Uint32Array(65536);
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]]++;
  const low = percentileOf(histogram, pixels.length, lowFraction);
  const high = percentileOf(histogram, pixels.length, highFraction);
  return high > low ? { low, high } : { low, high: low + 1 };
}

/** DICOM (0028,1050/1051) window centre and width equivalent to `window` (PS3.3 C.11.2.1.2 linear function). */
export function windowCentreWidth(window: GreyWindow): { centre: number; width: number } {
  const width = Math.max(1, window.high - window.low + 1);
  return { centre: window.low + (width - 1) / 2 + 0.5, width };
}

export function windowTo8Bit(pixels: Uint16Array, window: GreyWindow): Uint8Array {
  const out = new Uint8Array(pixels.length);
  const span = window.high - window.low;
  for (let i = 0; i < pixels.length; i++) {
    const t = (pixels[i] - window.low) / span;
    out[i] = t <= 0 ? 0 : t >= 1 ? 255 : Math.round(t * 255);
  }
  return out;
}

function percentileOf(histogram: Uint32Array, total: number, fraction: number): number {
  const target = Math.min(total - 1, Math.max(0, Math.floor(fraction * total)));
  let seen = 0;
  for (let value = 0; value < histogram.length; value++) {
    seen += histogram[value];
    if (seen > target) return value;
  }
  return histogram.length - 1;
}
