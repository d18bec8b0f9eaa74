import { describe, expect, it } from 'vitest';
import { Rng } from '../random.js';
import { fillStandardNormal, normalQuantile } from './normal-table.js';

describe('normal deviates', () => {
  it('inverts the normal CDF', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it('draws zero-mean, unit-variance, uncorrelated deviates, reproducibly', () => {
    const z = fillStandardNormal(new Float32Array(200_001), new Rng(9));
    let mean = 0;
    let sq = 0;
    let lag = 0;
    for (let i = 0; i < z.length; i++) {
      mean += z[i];
      sq += z[i] * z[i];
      if (i > 0) lag += z[i] * z[i - 1];
    }
    expect(mean / z.length).toBeCloseTo(0, 2);
    expect(sq / z.length).toBeCloseTo(1, 1);
    expect(Math.abs(lag / z.length)).toBeLessThan(0.01);
    expect(fillStandardNormal(new Float32Array(6), new Rng(9))).toEqual(z.slice(0, 6));
  });
});
