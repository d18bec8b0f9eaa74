import { describe, expect, it } from 'vitest';
import { robustWindow, windowCentreWidth, windowTo8Bit } from './window.js';

describe('robust window', () => {
  it('ignores a few extreme pixels that a min/max window would stretch to', () => {
    const pixels = new Uint16Array(1000);
    for (let i = 0; i < pixels.length; i++) pixels[i] = 1000 + (i % 100) * 10; // 1000 … 1990
    pixels[0] = 0;
    pixels[1] = 65535;
    const window = robustWindow(pixels);
    expect(window.low).toBeGreaterThanOrEqual(1000);
    expect(window.high).toBeLessThanOrEqual(1990);
    const grey = windowTo8Bit(pixels, window);
    expect(grey[0]).toBe(0);
    expect(grey[1]).toBe(255);
    expect(grey[50]).toBeGreaterThan(100);
    expect(grey[50]).toBeLessThan(160);
  });

  it('never returns an empty window for a flat image', () => {
    expect(robustWindow(new Uint16Array(10).fill(7))).toEqual({ low: 7, high: 8 });
    expect(robustWindow(new Uint16Array(0))).toEqual({ low: 0, high: 1 });
  });

  it('converts to a DICOM centre/width whose linear function spans exactly [low, high]', () => {
    const { centre, width } = windowCentreWidth({ low: 100, high: 1099 });
    expect(width).toBe(1000);
    // PS3.3 C.11.2.1.2.1: black at or below c − 0.5 − (w − 1)/2, white above c − 0.5 + (w − 1)/2.
    expect(centre - 0.5 - (width - 1) / 2).toBe(100);
    expect(centre - 0.5 + (width - 1) / 2).toBe(1099);
  });
});
