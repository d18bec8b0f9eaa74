import type { Rng } from '../random.js';
import { fillStandardNormal } from './normal-table.js';
import { photonsPerKerma, type Spectrum } from './spectrum.js';

/** Share of incident quanta a CsI:Tl panel effectively counts (≈ DQE(0) at lumbar energies). */
const QUANTUM_EFFICIENCY = 0.65;
/** The spectrum reaching the detector is hardened by the patient; ~20 cm water is typical. */
const TYPICAL_PATIENT_WATER_CM = 20;
const CHUNK = 8192;

/** Counted quanta per pixel per µGy of detector kerma. */
export function quantaPerPixelPerUgy(spectrum: Spectrum, pixelSpacingMm: number): number {
  return (
    photonsPerKerma(spectrum, TYPICAL_PATIENT_WATER_CM) * pixelSpacingMm * pixelSpacingMm * QUANTUM_EFFICIENCY
  );
}

/**
 * Poisson quantum noise in the Gaussian approximation (counts are in the hundreds or more):
 * N' = N + √N·z with N = q·K, returned as kerma. Relative noise ∝ 1/√dose, so an underexposed film
 * is grainier even after the DR processing has restored its brightness.
 */
export function addQuantumNoise(kermaUgy: Float32Array, quantaPerUgy: number, rng: Rng): Float32Array {
  const out = new Float32Array(kermaUgy.length);
  const perQuantum = 1 / quantaPerUgy;
  const z = new Float32Array(CHUNK);
  for (let start = 0; start < out.length; start += CHUNK) {
    fillStandardNormal(z, rng);
    const end = Math.min(out.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const k = kermaUgy[i];
      const noisy = k + Math.sqrt(Math.max(k, 0) * perQuantum) * z[i - start];
      out[i] = noisy > 0 ? noisy : 0;
    }
  }
  return out;
}
