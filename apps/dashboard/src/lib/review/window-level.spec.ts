import { describe, expect, it } from 'vitest';
import {
  applyLut,
  clampWindow,
  dragStep,
  dragWindow,
  robustWindow,
  windowFromHeaders,
  windowLimits,
  windowLut,
} from './window-level';

describe('windowLut (DICOM linear VOI)', () => {
  it('maps the window onto 0–255 and clips outside it', () => {
    // centre 128.5, width 256 on 8-bit data is the identity
    const identity = windowLut({ center: 128, width: 256 }, 255);
    expect(identity[0]).toBe(0);
    expect(identity[255]).toBe(255);
    expect(identity[128]).toBe(128);
    const narrow = windowLut({ center: 1000, width: 201 }, 65535);
    expect(narrow[899]).toBe(0);
    expect(narrow[1100]).toBe(255);
    expect(narrow[1101]).toBe(255);
    expect(narrow[999]).toBeGreaterThan(120);
    expect(narrow[999]).toBeLessThan(135);
  });

  it('thresholds at width 1', () => {
    const lut = windowLut({ center: 100, width: 1 }, 255);
    expect(lut[99]).toBe(0);
    expect(lut[100]).toBe(255);
  });

  it('is monotonic', () => {
    const lut = windowLut({ center: 30000, width: 8000 }, 65535);
    for (let i = 1; i < lut.length; i++) expect(lut[i]).toBeGreaterThanOrEqual(lut[i - 1]);
  });
});

describe('applyLut', () => {
  it('writes opaque grey RGBA', () => {
    const lut = new Uint8Array(256).map((_, i) => 255 - i);
    const rgba = new Uint8ClampedArray(8);
    applyLut(new Uint8Array([0, 200]), lut, rgba);
    expect([...rgba]).toEqual([255, 255, 255, 255, 55, 55, 55, 255]);
  });
});

describe('windowFromHeaders', () => {
  it('reads numbers', () => {
    expect(windowFromHeaders('2048', '4096')).toEqual({ center: 2048, width: 4096 });
    expect(windowFromHeaders('1.5e3', '300.25')).toEqual({ center: 1500, width: 300.25 });
  });
  it('gives null for missing or nonsense values', () => {
    expect(windowFromHeaders(null, '10')).toBeNull();
    expect(windowFromHeaders('10', '')).toBeNull();
    expect(windowFromHeaders('abc', '10')).toBeNull();
    expect(windowFromHeaders('10', '0')).toBeNull();
  });
});

describe('robustWindow', () => {
  it('spans the 1st to 99th percentile so both ends reach black and white', () => {
    const values = Uint16Array.from({ length: 1000 }, (_, i) => 5000 + i);
    const window = robustWindow({ width: 1000, height: 1, values, maxValue: 65535 });
    const lut = windowLut(window, 65535);
    expect(lut[5010]).toBe(0);
    expect(lut[5990]).toBe(255);
  });
});

describe('limits and dragging', () => {
  const range = { min: 1000, max: 5999 };
  const limits = windowLimits(range);

  it('keeps the centre within the values and the width up to twice their span', () => {
    expect(limits).toEqual({ centerMin: 1000, centerMax: 5999, widthMin: 1, widthMax: 10000 });
    expect(clampWindow({ center: 0, width: 0 }, limits)).toEqual({ center: 1000, width: 1 });
    expect(clampWindow({ center: 9e9, width: 9e9 }, limits)).toEqual({ center: 5999, width: 10000 });
  });

  it('crosses the whole span in about 500 px', () => {
    expect(dragStep(range)).toBeCloseTo(4999 / 500);
    expect(dragStep({ min: 5, max: 5 })).toBe(1 / 500);
  });

  it('widens to the right and raises the centre downwards', () => {
    const start = { center: 3000, width: 2000 };
    expect(dragWindow(start, 10, 0, 10, limits)).toEqual({ center: 3000, width: 2100 });
    expect(dragWindow(start, 0, -20, 10, limits)).toEqual({ center: 2800, width: 2000 });
    expect(dragWindow(start, -1000, 0, 10, limits).width).toBe(1);
  });
});
