import { linearAttenuation } from './attenuation.js';
import { tubeSpectrum, type Spectrum } from './spectrum.js';

/**
 * Attenuation lookup over (bone, water) path lengths. −ln of the polyenergetic transmission is
 * smooth and nearly linear, so bilinear interpolation on this grid stays within ~1e-3 of the exact
 * sum (0.1 % of the kerma, worst at the thinnest paths where the beam is softest; far below quantum
 * noise) at four loads instead of one exp per energy bin. Metal pixels (rare) are summed exactly.
 */
const WATER_MIN_CM = -4;
const WATER_MAX_CM = 64;
const WATER_STEP_CM = 0.2;
const BONE_MIN_CM = -2;
const BONE_MAX_CM = 18;
const BONE_STEP_CM = 0.05;
const WATER_NODES = Math.round((WATER_MAX_CM - WATER_MIN_CM) / WATER_STEP_CM) + 1;
const BONE_NODES = Math.round((BONE_MAX_CM - BONE_MIN_CM) / BONE_STEP_CM) + 1;

/** A beam of one kVp with its per-bin attenuation coefficients and lookup table. */
export interface Beam {
  spectrum: Spectrum;
  /** Linear attenuation (1/cm) of each basis material per energy bin. */
  muBone: Float64Array;
  muWater: Float64Array;
  muMetal: Float64Array;
  /** −ln(transmission) on the (water, bone) grid, water-major. */
  table: Float32Array;
}

/** A few recent beams: aecMas and expose of one film, and consecutive films, share a kVp. */
const recentBeams = new Map<number, Beam>();
const RECENT_BEAMS = 8;

export function beamFor(kvp: number): Beam {
  let beam = recentBeams.get(kvp);
  if (!beam) {
    beam = buildBeam(kvp);
    if (recentBeams.size >= RECENT_BEAMS) recentBeams.delete(recentBeams.keys().next().value!);
    recentBeams.set(kvp, beam);
  }
  return beam;
}

function buildBeam(kvp: number): Beam {
  const spectrum = tubeSpectrum(kvp);
  const mu = (m: 'corticalBone' | 'water' | 'titanium') =>
    spectrum.energiesKeV.map((e) => linearAttenuation(m, e));
  const beam: Beam = {
    spectrum,
    muBone: mu('corticalBone'),
    muWater: mu('water'),
    muMetal: mu('titanium'),
    table: new Float32Array(WATER_NODES * BONE_NODES),
  };
  for (let w = 0; w < WATER_NODES; w++)
    for (let b = 0; b < BONE_NODES; b++)
      beam.table[w * BONE_NODES + b] = exactAttenuation(
        beam,
        BONE_MIN_CM + b * BONE_STEP_CM,
        WATER_MIN_CM + w * WATER_STEP_CM,
        0,
      );
  return beam;
}

/** −ln Σ_E w(E)·exp(−Σ_m μ_m(E)·L_m), path lengths in cm of each basis material. */
export function exactAttenuation(beam: Beam, boneCm: number, waterCm: number, metalCm: number): number {
  const w = beam.spectrum.kermaWeights;
  let t = 0;
  for (let k = 0; k < w.length; k++)
    t += w[k] * Math.exp(-(beam.muBone[k] * boneCm + beam.muWater[k] * waterCm + beam.muMetal[k] * metalCm));
  return -Math.log(t);
}

/** Interpolated attenuation; falls back to the exact sum with metal or outside the table. */
export function attenuation(beam: Beam, boneCm: number, waterCm: number, metalCm: number): number {
  const fw = (waterCm - WATER_MIN_CM) / WATER_STEP_CM;
  const fb = (boneCm - BONE_MIN_CM) / BONE_STEP_CM;
  if (metalCm !== 0 || !(fw >= 0 && fw < WATER_NODES - 1 && fb >= 0 && fb < BONE_NODES - 1))
    return exactAttenuation(beam, boneCm, waterCm, metalCm);
  const w0 = Math.floor(fw);
  const b0 = Math.floor(fb);
  const tw = fw - w0;
  const tb = fb - b0;
  const i = w0 * BONE_NODES + b0;
  const t = beam.table;
  return (
    (1 - tw) * ((1 - tb) * t[i] + tb * t[i + 1]) +
    tw * ((1 - tb) * t[i + BONE_NODES] + tb * t[i + BONE_NODES + 1])
  );
}

/** Kerma transmission of every pixel for the given path-length images (cm); the table lookup inlined. */
export function transmissionImage(
  beam: Beam,
  bone: Float32Array,
  water: Float32Array,
  metal: Float32Array,
): Float32Array {
  const out = new Float32Array(bone.length);
  const t = beam.table;
  for (let i = 0; i < out.length; i++) {
    const fw = (water[i] - WATER_MIN_CM) / WATER_STEP_CM;
    const fb = (bone[i] - BONE_MIN_CM) / BONE_STEP_CM;
    if (metal[i] !== 0 || !(fw >= 0 && fw < WATER_NODES - 1 && fb >= 0 && fb < BONE_NODES - 1)) {
      out[i] = Math.exp(-exactAttenuation(beam, bone[i], water[i], metal[i]));
      continue;
    }
    const w0 = fw | 0;
    const b0 = fb | 0;
    const tw = fw - w0;
    const tb = fb - b0;
    const j = w0 * BONE_NODES + b0;
    const near = t[j] + tb * (t[j + 1] - t[j]);
    const far = t[j + BONE_NODES] + tb * (t[j + BONE_NODES + 1] - t[j + BONE_NODES]);
    out[i] = Math.exp(-(near + tw * (far - near)));
  }
  return out;
}
