import { describe, expect, it } from 'vitest';
import { Rng } from '../random.js';
import { samplePatient } from './sample-patient.js';

const draws = Array.from({ length: 500 }, (_, i) => samplePatient(new Rng(1000 + i)));
const values = (f: (p: (typeof draws)[number]) => number) => draws.map(f);
const fraction = (f: (p: (typeof draws)[number]) => boolean) => draws.filter(f).length / draws.length;

describe('samplePatient', () => {
  it('is deterministic for a seed', () => {
    expect(samplePatient(new Rng(9))).toEqual(samplePatient(new Rng(9)));
  });

  it('keeps every parameter in its documented range', () => {
    for (const p of draws) {
      expect(p.sizeScale).toBeGreaterThanOrEqual(0.85);
      expect(p.sizeScale).toBeLessThanOrEqual(1.15);
      expect(p.lordosisDeg).toBeGreaterThanOrEqual(20);
      expect(p.lordosisDeg).toBeLessThanOrEqual(70);
      expect(p.thoracicKyphosisDeg).toBeGreaterThanOrEqual(0);
      expect(p.thoracicKyphosisDeg).toBeLessThanOrEqual(30);
      expect(Math.abs(p.scoliosisDeg)).toBeLessThanOrEqual(25);
      expect(p.discHeightScale).toBeGreaterThanOrEqual(0.5);
      expect(p.discHeightScale).toBeLessThanOrEqual(1.2);
      expect(p.boneDensity).toBeGreaterThanOrEqual(0.55);
      expect(p.boneDensity).toBeLessThanOrEqual(1.2);
      expect(p.bowelGas).toBeGreaterThanOrEqual(0);
      expect(p.bowelGas).toBeLessThanOrEqual(1);
      expect(p.fatThicknessMm).toBeGreaterThan(0);
      expect(p.bodyWidthMm).toBeGreaterThan(p.bodyDepthMm);
      expect(Number.isInteger(p.detailSeed)).toBe(true);
      const spinal = p.implants.includes('pedicle-screws') || p.implants.includes('rods');
      expect(p.instrumentedLevels.length > 0).toBe(spinal);
    }
  });

  it('covers the ranges widely', () => {
    const spread = (xs: number[]) => [Math.min(...xs), Math.max(...xs)];
    expect(new Set(draws.map((p) => p.sex))).toEqual(new Set(['F', 'M']));
    const [smallest, largest] = spread(values((p) => p.sizeScale));
    expect(smallest).toBeLessThan(0.88);
    expect(largest).toBeGreaterThan(1.1);
    const [flat, curved] = spread(values((p) => p.lordosisDeg));
    expect(flat).toBeLessThan(28);
    expect(curved).toBeGreaterThan(65);
    const [thinDiscs, tallDiscs] = spread(values((p) => p.discHeightScale));
    expect(thinDiscs).toBeLessThan(0.65);
    expect(tallDiscs).toBeGreaterThan(1.15);
    const [thin, obese] = spread(values((p) => p.fatThicknessMm));
    expect(thin).toBeLessThan(10);
    expect(obese).toBeGreaterThan(50);
    const [narrow, wide] = spread(values((p) => p.bodyWidthMm));
    expect(narrow).toBeLessThan(290);
    expect(wide).toBeGreaterThan(420);
    expect(Math.min(...values((p) => p.bowelGas))).toBe(0);
    expect(Math.max(...values((p) => p.bowelGas))).toBeGreaterThan(0.95);
  });

  it('draws the stated shares of osteoporosis, scoliosis and metal', () => {
    expect(fraction((p) => p.boneDensity < 0.76)).toBeGreaterThan(0.06);
    expect(fraction((p) => p.boneDensity < 0.76)).toBeLessThan(0.15);
    expect(fraction((p) => Math.abs(p.scoliosisDeg) >= 5)).toBeGreaterThan(0.24);
    expect(fraction((p) => Math.abs(p.scoliosisDeg) >= 5)).toBeLessThan(0.36);
    expect(fraction((p) => p.scoliosisDeg >= 5)).toBeGreaterThan(0.09);
    expect(fraction((p) => p.scoliosisDeg <= -5)).toBeGreaterThan(0.09);
    expect(fraction((p) => p.implants.length > 0)).toBeGreaterThan(0.04);
    expect(fraction((p) => p.implants.length > 0)).toBeLessThan(0.13);
  });

  it('gives older patients thinner discs', () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const young = draws.filter((p) => p.ageYears! < 40).map((p) => p.discHeightScale);
    const old = draws.filter((p) => p.ageYears! > 70).map((p) => p.discHeightScale);
    expect(mean(old)).toBeLessThan(mean(young) - 0.2);
  });
});
