import { describe, expect, it } from 'vitest';
import { meanEnergy, photonsPerKerma, tubeSpectrum } from './spectrum.js';

const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

describe('tube spectrum', () => {
  it('has normalised photon and kerma weights over bins between 20 keV and the kVp', () => {
    const s = tubeSpectrum(80);
    expect(s.energiesKeV.length).toBe(10);
    expect(sum(s.photonFractions)).toBeCloseTo(1, 12);
    expect(sum(s.kermaWeights)).toBeCloseTo(1, 12);
    for (const e of s.energiesKeV) {
      expect(e).toBeGreaterThan(20);
      expect(e).toBeLessThan(80);
    }
  });

  it('hardens with kVp and with filtration', () => {
    expect(meanEnergy(tubeSpectrum(60))).toBeLessThan(meanEnergy(tubeSpectrum(80)));
    expect(meanEnergy(tubeSpectrum(80))).toBeLessThan(meanEnergy(tubeSpectrum(100)));
    expect(meanEnergy(tubeSpectrum(80, 10, 2.5))).toBeLessThan(meanEnergy(tubeSpectrum(80, 10, 5)));
  });

  it('delivers about 3·10⁴ photons per mm² per µGy behind a patient (RQA5 is 2.97·10⁴)', () => {
    const q = photonsPerKerma(tubeSpectrum(80), 20);
    expect(q).toBeGreaterThan(2e4);
    expect(q).toBeLessThan(4.5e4);
  });

  it('rejects a kVp below the modelled energies', () => {
    expect(() => tubeSpectrum(22)).toThrow();
  });
});
