import { describe, expect, it } from 'vitest';
import { Rng } from '../random.js';
import { attenuation, beamFor, exactAttenuation } from './beam.js';

describe('polyenergetic beam', () => {
  it('interpolates the attenuation table within 1.5e-3 (0.15 % of kerma) of the exact spectral sum', () => {
    const beam = beamFor(80);
    const rng = new Rng(4);
    for (let k = 0; k < 2000; k++) {
      const bone = rng.uniform(-1, 12);
      const water = rng.uniform(-2, 50);
      expect(
        Math.abs(attenuation(beam, bone, water, 0) - exactAttenuation(beam, bone, water, 0)),
      ).toBeLessThan(1.5e-3);
    }
  });

  it('computes metal and out-of-table paths exactly', () => {
    const beam = beamFor(90);
    expect(attenuation(beam, 1, 20, 0.5)).toBe(exactAttenuation(beam, 1, 20, 0.5));
    expect(attenuation(beam, 30, 80, 0)).toBe(exactAttenuation(beam, 30, 80, 0));
  });

  it('hardens: each further cm of water attenuates less than the one before', () => {
    const beam = beamFor(80);
    const step = (w: number) => exactAttenuation(beam, 0, w + 1, 0) - exactAttenuation(beam, 0, w, 0);
    expect(step(0)).toBeGreaterThan(step(10));
    expect(step(10)).toBeGreaterThan(step(25));
    expect(step(25)).toBeGreaterThan(0.15);
  });

  it('shows less bone contrast at higher kVp', () => {
    const boneContrast = (kvp: number) =>
      exactAttenuation(beamFor(kvp), 1, 20, 0) - exactAttenuation(beamFor(kvp), 0, 20, 0);
    expect(boneContrast(60)).toBeGreaterThan(boneContrast(80));
    expect(boneContrast(80)).toBeGreaterThan(boneContrast(100));
  });
});
