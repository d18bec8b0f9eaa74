import { describe, expect, it } from 'vitest';
import { greyImageFromPng, percentileRange, valueRange } from './grey-image';

describe('greyImageFromPng', () => {
  it('keeps 16-bit values as they are', () => {
    const image = greyImageFromPng({
      width: 2,
      height: 1,
      data: new Uint16Array([0, 65535]),
      depth: 16,
      channels: 1,
    });
    expect(image.values).toBeInstanceOf(Uint16Array);
    expect([...image.values]).toEqual([0, 65535]);
    expect(image.maxValue).toBe(65535);
  });

  it('reads the grey channel of a grey+alpha PNG', () => {
    const image = greyImageFromPng({
      width: 2,
      height: 1,
      data: new Uint8Array([10, 255, 20, 0]),
      depth: 8,
      channels: 2,
    });
    expect([...image.values]).toEqual([10, 20]);
    expect(image.maxValue).toBe(255);
  });

  it('refuses bit depths a radiograph is never sent in', () => {
    expect(() => greyImageFromPng({ width: 1, height: 1, data: [1], depth: 1, channels: 1 })).toThrow(
      /1-bit/,
    );
  });

  it('refuses a buffer shorter than its size', () => {
    expect(() => greyImageFromPng({ width: 2, height: 2, data: [1, 2], depth: 8, channels: 1 })).toThrow(
      /fewer/,
    );
  });
});

describe('value ranges', () => {
  const ramp = {
    width: 100,
    height: 1,
    values: Uint16Array.from({ length: 100 }, (_, i) => 1000 + i * 10),
    maxValue: 65535,
  };

  it('finds the extremes', () => {
    expect(valueRange(ramp)).toEqual({ min: 1000, max: 1990 });
  });

  it('ignores the stray 1 % at each end', () => {
    expect(percentileRange(ramp)).toEqual({ min: 1010, max: 1990 });
    const spiked = { ...ramp, values: Uint16Array.from(ramp.values, (v, i) => (i === 99 ? 65535 : v)) };
    expect(percentileRange(spiked, 0.01, 0.98).max).toBe(1980);
  });
});
