import { airEnergyAbsorption, linearAttenuation } from './attenuation.js';

/** Lowest energy modelled: below it 2.5 mm Al leaves < 1 % of the photons of any bin. */
const MIN_KEV = 20;
const SUBSAMPLES = 8;
/** keV·cm²/g → µGy·mm²: kerma = fluence · E · μen/ρ, with 1 keV = 1.602e-16 J. */
const KERMA_UGY_MM2_PER_KEV_CM2_G = 1.602e-16 * 0.1 * 1e6 * 1e6;

/** A filtered tungsten-anode beam, in a few energy bins. */
export interface Spectrum {
  kvp: number;
  /** Representative energy of each bin (kerma-weighted mean over the bin). */
  energiesKeV: Float64Array;
  /** Share of the photons in each bin (sums to 1). */
  photonFractions: Float64Array;
  /** Share of the air kerma carried by each bin (sums to 1): the weights of the detector signal. */
  kermaWeights: Float64Array;
  /** Air kerma (µGy) that one photon per mm² of the bin's energy delivers. */
  kermaPerPhotonUgyMm2: Float64Array;
}

/**
 * Kramers' law for a thick tungsten target (photons per keV ∝ (kVp − E)/E), hardened by the tube's
 * inherent plus added filtration. Characteristic K lines are left out; they carry a few per cent of
 * the kerma at 80 kVp and would not change the contrast noticeably.
 */
export function tubeSpectrum(kvp: number, bins = 10, filtrationMmAl = 2.5): Spectrum {
  if (!(kvp > MIN_KEV + 5)) throw new Error(`kVp ${kvp} is below the modelled range`);
  const energiesKeV = new Float64Array(bins);
  const photonFractions = new Float64Array(bins);
  const kermaWeights = new Float64Array(bins);
  const kermaPerPhotonUgyMm2 = new Float64Array(bins);
  const width = (kvp - MIN_KEV) / bins;
  for (let b = 0; b < bins; b++) {
    let photons = 0;
    let kerma = 0;
    let energyKerma = 0;
    for (let s = 0; s < SUBSAMPLES; s++) {
      const e = MIN_KEV + (b + (s + 0.5) / SUBSAMPLES) * width;
      const n = ((kvp - e) / e) * Math.exp(-linearAttenuation('aluminium', e) * filtrationMmAl * 0.1);
      const k = n * e * airEnergyAbsorption(e);
      photons += n;
      kerma += k;
      energyKerma += k * e;
    }
    energiesKeV[b] = energyKerma / kerma;
    photonFractions[b] = photons;
    kermaWeights[b] = kerma;
    kermaPerPhotonUgyMm2[b] = (kerma / photons) * KERMA_UGY_MM2_PER_KEV_CM2_G;
  }
  normalise(photonFractions);
  normalise(kermaWeights);
  return { kvp, energiesKeV, photonFractions, kermaWeights, kermaPerPhotonUgyMm2 };
}

/** Photons per mm² per µGy of air kerma of the beam after `waterCm` of water (it hardens the beam). */
export function photonsPerKerma(spectrum: Spectrum, waterCm: number): number {
  let photons = 0;
  let kerma = 0;
  spectrum.energiesKeV.forEach((e, b) => {
    const n = spectrum.photonFractions[b] * Math.exp(-linearAttenuation('water', e) * waterCm);
    photons += n;
    kerma += n * spectrum.kermaPerPhotonUgyMm2[b];
  });
  return photons / kerma;
}

/** Kerma-weighted mean energy (keV). */
export function meanEnergy(spectrum: Spectrum): number {
  return spectrum.energiesKeV.reduce((sum, e, b) => sum + e * spectrum.kermaWeights[b], 0);
}

function normalise(values: Float64Array): void {
  const total = values.reduce((a, b) => a + b, 0);
  for (let i = 0; i < values.length; i++) values[i] /= total;
}
