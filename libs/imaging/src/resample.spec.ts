import { describe, expect, it } from 'vitest';
import { resizeRgb, scaledSize } from './resample.js';

function solid(width: number, height: number, colour: [number, number, number]): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) rgb.set(colour, 3 * i);
  return rgb;
}

describe('resizeRgb (area averaging)', () => {
  it('averages each block when halving', () => {
    // 2 × 2 → 1 × 1: the mean of four pixels.
    const rgb = Uint8Array.from([0, 0, 0, 100, 0, 0, 200, 0, 0, 100, 40, 8]);
    expect(Array.from(resizeRgb({ width: 2, height: 2, rgb }, 1, 1).rgb)).toEqual([100, 10, 2]);
  });

  it('weights partly covered pixels by their overlap', () => {
    // 3 → 2 pixels: the middle source pixel is split half to each output pixel.
    const rgb = Uint8Array.from([0, 0, 0, 90, 90, 90, 180, 180, 180]);
    const out = resizeRgb({ width: 3, height: 1, rgb }, 2, 1).rgb;
    expect(Array.from(out)).toEqual([30, 30, 30, 150, 150, 150]);
  });

  it('keeps a uniform image uniform at any size', () => {
    const image = { width: 13, height: 7, rgb: solid(13, 7, [12, 200, 77]) };
    for (const [w, h] of [
      [5, 3],
      [26, 14],
      [1, 1],
      [13, 7],
    ]) {
      const out = resizeRgb(image, w, h);
      expect(out.rgb).toEqual(solid(w, h, [12, 200, 77]));
    }
  });

  it('preserves the mean brightness when downscaling by an uneven factor', () => {
    const rgb = Uint8Array.from({ length: 17 * 11 * 3 }, (_, i) => (i * 31) % 256);
    const out = resizeRgb({ width: 17, height: 11, rgb }, 5, 4);
    const mean = (a: Uint8Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(Math.abs(mean(out.rgb) - mean(rgb))).toBeLessThan(1);
  });

  it('computes scaled sizes of at least one pixel', () => {
    expect(scaledSize(2000, 2500, 0.25)).toEqual({ width: 500, height: 625 });
    expect(scaledSize(3, 3, 0.01)).toEqual({ width: 1, height: 1 });
  });
});
