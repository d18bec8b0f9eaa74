import { describe, expect, it } from 'vitest';
import { Rng } from '../random.js';
import type { LineIntegrals } from '../render/types.js';
import { aecMas, expose } from './expose.js';
import type { ExposureParams } from './types.js';

const W = 200;
const H = 240;
const SPACING = 0.5;
/** Bone thickness (cm) of the five test patches, left to right. */
const PATCH_BONE = [0.4, 0.8, 1.2, 1.6, 2.0];
const patchColumn = (k: number) => 36 + 28 * k;

/**
 * A 100 × 120 mm field: 20 cm of soft tissue with air strips at both sides, a row of bone patches of
 * increasing thickness, a textured "vertebral body", a pocket of bowel gas and a titanium screw head.
 */
function testIntegrals(): LineIntegrals {
  const n = W * H;
  const integrals: LineIntegrals = {
    width: W,
    height: H,
    bone: new Float32Array(n),
    water: new Float32Array(n),
    metal: new Float32Array(n),
    texturedBone: new Float32Array(n),
  };
  for (let r = 0; r < H; r++)
    for (let c = 0; c < W; c++) {
      const i = r * W + c;
      if (c < 12 || c >= W - 12) continue;
      integrals.water[i] = 20;
      PATCH_BONE.forEach((b, k) => {
        if (r >= 30 && r < 50 && c >= patchColumn(k) && c < patchColumn(k) + 18) {
          integrals.bone[i] = b;
          integrals.water[i] -= b;
        }
      });
      if (r >= 100 && r < 150 && c >= 70 && c < 130) {
        integrals.bone[i] = 1.4;
        integrals.texturedBone[i] = 0.7;
        integrals.water[i] -= 1.4;
      }
      if (r >= 180 && r < 215 && c >= 30 && c < 80) integrals.water[i] -= 6;
      if (r >= 170 && r < 180 && c >= 150 && c < 160) integrals.metal[i] = 0.6;
    }
  return integrals;
}

const scene = testIntegrals();
const base: ExposureParams = {
  kvp: 80,
  mAs: 20,
  sidMm: 1100,
  pixelSpacingMm: SPACING,
  gridRatio: 10,
  targetExposureIndex: 300,
  textureScale: 0.8,
};

function regionStats(
  pixels: Uint16Array,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
): { mean: number; sd: number } {
  let sum = 0;
  let sq = 0;
  let n = 0;
  for (let r = r0; r < r1; r++)
    for (let c = c0; c < c1; c++) {
      const v = pixels[r * W + c];
      sum += v;
      sq += v * v;
      n++;
    }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
}

/** Pixel noise from horizontal second differences (blind to smooth shading; var = 6σ² for white noise). */
function noiseLevel(pixels: Uint16Array, r0: number, r1: number, c0: number, c1: number): number {
  let sq = 0;
  let n = 0;
  for (let r = r0; r < r1; r++)
    for (let c = c0; c + 2 < c1; c++) {
      const i = r * W + c;
      const d = pixels[i + 2] - 2 * pixels[i + 1] + pixels[i];
      sq += d * d;
      n++;
    }
  return Math.sqrt(sq / n / 6);
}

const atDeviation = (di: number, extra: Partial<ExposureParams> = {}) => {
  const mAs =
    aecMas(scene, base.kvp, base.sidMm, base.gridRatio, base.targetExposureIndex, SPACING) * 10 ** (di / 10);
  return expose(scene, { ...base, ...extra, mAs }, new Rng(7));
};

describe('expose', () => {
  it('returns a 12-bit image of the field size', () => {
    const image = expose(scene, base, new Rng(1));
    expect(image.width).toBe(W);
    expect(image.height).toBe(H);
    expect(image.pixels).toBeInstanceOf(Uint16Array);
    expect(image.pixels.length).toBe(W * H);
    expect(Math.max(...image.pixels)).toBeLessThanOrEqual(4095);
    expect(Math.max(...image.pixels)).toBeGreaterThan(3000);
    expect(Math.min(...image.pixels)).toBeLessThan(800);
  });

  it('is deterministic for a seed and varies with it', () => {
    const a = expose(scene, base, new Rng(42));
    const b = expose(scene, base, new Rng(42));
    const c = expose(scene, base, new Rng(43));
    expect(b.pixels).toEqual(a.pixels);
    expect(c.pixels).not.toEqual(a.pixels);
    expect(c.exposureIndex).toBeCloseTo(a.exposureIndex, 0);
  });

  it('adds 3.0 to the deviation index when the mAs doubles', () => {
    const single = expose(scene, base, new Rng(2));
    const double = expose(scene, { ...base, mAs: 2 * base.mAs }, new Rng(2));
    expect(double.deviationIndex - single.deviationIndex).toBeCloseTo(3.0, 1);
    expect(Math.abs(double.deviationIndex - single.deviationIndex - 3.0)).toBeLessThan(0.1);
    expect(single.deviationIndex).toBeCloseTo(10 * Math.log10(single.exposureIndex / 300), 9);
    expect(single.targetExposureIndex).toBe(300);
  });

  it('hits the target exposure index with the AEC mAs', () => {
    expect(Math.abs(atDeviation(0, { textureScale: 0 }).deviationIndex)).toBeLessThan(1e-4);
    expect(Math.abs(atDeviation(0).deviationIndex)).toBeLessThan(0.1);
    expect(atDeviation(-6).deviationIndex).toBeCloseTo(-6, 1);
    expect(atDeviation(4.5).deviationIndex).toBeCloseTo(4.5, 1);
  });

  it('follows the inverse square law, kVp² output and the grid in detector kerma', () => {
    const film = (p: Partial<ExposureParams>) => expose(scene, { ...base, ...p }, new Rng(3));
    const k = (p: Partial<ExposureParams>) => film(p).meanDetectorKermaUgy;
    expect(k({ mAs: 40 }) / k({ mAs: 20 })).toBeCloseTo(2, 5);
    expect(k({ sidMm: 1000 }) / k({ sidMm: 1150 })).toBeCloseTo(1.15 ** 2, 5);
    // More output and a harder, more penetrating beam.
    expect(k({ kvp: 90 })).toBeGreaterThan(k({ kvp: 80 }) * (90 / 80) ** 2);
    // Behind 20 cm of tissue a grid removes most scatter and a quarter of the primary.
    const gridShare = film({ gridRatio: 10 }).exposureIndex / film({ gridRatio: 0 }).exposureIndex;
    expect(gridShare).toBeGreaterThan(0.15);
    expect(gridShare).toBeLessThan(0.4);
  });

  it('shows more bone brighter (MONOCHROME2), metal brightest, gas darker and air darkest', () => {
    const { pixels } = atDeviation(0);
    const patches = PATCH_BONE.map(
      (_, k) => regionStats(pixels, 35, 45, patchColumn(k) + 5, patchColumn(k) + 13).mean,
    );
    for (let k = 1; k < patches.length; k++) expect(patches[k]).toBeGreaterThan(patches[k - 1] + 20);
    const tissue = regionStats(pixels, 60, 95, 40, 160).mean;
    expect(patches[0]).toBeGreaterThan(tissue);
    expect(regionStats(pixels, 172, 178, 152, 158).mean).toBeGreaterThan(patches[patches.length - 1]);
    const gas = regionStats(pixels, 188, 207, 40, 70).mean;
    const air = regionStats(pixels, 60, 200, 2, 8).mean;
    expect(gas).toBeLessThan(tissue - 200);
    expect(air).toBeLessThan(gas);
  });

  it('keeps brightness but grows noise as the dose falls (DR auto-ranging)', () => {
    const films = [-6, 0, 6].map((di) => atDeviation(di, { textureScale: 0 }));
    const noise = films.map((f) => noiseLevel(f.pixels, 60, 95, 40, 160));
    // Quanta fall 4× per −6 DI, so noise roughly doubles.
    expect(noise[0]).toBeGreaterThan(noise[1] * 1.5);
    expect(noise[1]).toBeGreaterThan(noise[2] * 1.5);
    const brightness = films.map((f) => regionStats(f.pixels, 60, 95, 40, 160).mean);
    for (const b of brightness) expect(Math.abs(b - brightness[1])).toBeLessThan(0.02 * 4095);
  });

  it('modulates textured bone only, more with a larger texture scale', () => {
    const sdOf = (scale: number) => {
      const { pixels } = expose(scene, { ...base, mAs: 200, textureScale: scale }, new Rng(11));
      return {
        body: regionStats(pixels, 110, 140, 80, 120).sd,
        patch: regionStats(pixels, 35, 45, 97, 105).sd,
      };
    };
    const plain = sdOf(0);
    const strong = sdOf(1);
    expect(strong.body).toBeGreaterThan(plain.body * 2);
    expect(strong.patch).toBeLessThan(plain.patch * 1.3);
  });
});
