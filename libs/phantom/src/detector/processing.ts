import { wideBlur } from './blur.js';

/**
 * What a DR modality does before sending "FOR PRESENTATION" pixels: log, auto-ranging on the
 * anatomy's histogram (so exposure changes noise, not brightness), a MUSICA-like multi-scale
 * contrast equalisation, a mild S-shaped tone curve, 12 bits, bone bright (MONOCHROME2).
 */
const MAX_VALUE = 4095;
/** Pixels attenuating less than this (−ln; ≈ 2 cm of water) are direct exposure, not anatomy. */
const ANATOMY_THRESHOLD = 0.4;
/** Range kept around the anatomy's normalised [0, 1] before the multi-scale step. */
const CLIP_LOW = -0.4;
const CLIP_HIGH = 1.3;
/**
 * Scales (mm): fine detail below DETAIL, structures between DETAIL and BACKGROUND, background
 * between BACKGROUND and TREND, and the trunk-wide trend (thick upper abdomen against thin
 * flanks) above TREND, compressed hardest so no region of the film is pushed into white.
 */
const DETAIL_SIGMA_MM = 2;
const BACKGROUND_SIGMA_MM = 10;
const TREND_SIGMA_MM = 30;
/**
 * Trend and background compressed (equalisation), structures boosted with a soft limit wide enough
 * that bone keeps its internal gradation instead of flattening into plateaus, detail mildly boosted.
 */
const BACKGROUND_GAIN = 0.6;
const TREND_GAIN = 0.15;
const STRUCTURE_GAIN = 1.3;
const STRUCTURE_LIMIT = 0.6;
const DETAIL_GAIN = 1.1;
/**
 * Display anchoring, like a vendor's histogram analysis: the anatomy's 1st percentile (gas, thin
 * tissue) lands at LOW_LEVEL, its median at MEDIAN_LEVEL (soft tissue mid-grey) and its 99.5th
 * percentile at HIGH_LEVEL (densest bone bright, not clipped), linearly in between.
 */
const LOW_QUANTILE = 0.01;
const HIGH_QUANTILE = 0.995;
const LOW_LEVEL = 0.16;
const MEDIAN_LEVEL = 0.45;
const HIGH_LEVEL = 0.84;
const TONE_STEEPNESS = 1.6;
/** Soft toe and shoulder of the tone curve (see toneTable) and the range of u it tabulates. */
const KNEE_LOW = 0.12;
const KNEE_HIGH = 0.8;
const TONE_U_MIN = -0.5;
const TONE_U_MAX = 2;
const TONE_TABLE_SIZE = 16384;
const MAX_SAMPLES = 250_000;

export function processRadiograph(
  kermaUgy: Float32Array,
  width: number,
  height: number,
  unattenuatedKermaUgy: number,
  pixelSpacingMm: number,
): Uint16Array {
  const n = width * height;
  const x = new Float32Array(n);
  const scale = 1 / unattenuatedKermaUgy;
  for (let i = 0; i < n; i++) x[i] = -Math.log(Math.max(kermaUgy[i] * scale, 1e-6));

  // Normalise so the anatomy spans about [0, 1] before the band gains, whatever the patient, and
  // clip far outside it: direct exposure would otherwise drag the background bands and ring.
  const anatomy = anatomySamples(x, width, height);
  const [lo, hi] = quantiles(x, anatomy, LOW_QUANTILE, HIGH_QUANTILE);
  const span = hi - lo > 1e-6 ? hi - lo : 1;
  for (let i = 0; i < n; i++) x[i] = Math.min(CLIP_HIGH, Math.max(CLIP_LOW, (x[i] - lo) / span));

  const trend = wideBlur(x, width, height, TREND_SIGMA_MM / pixelSpacingMm);
  const background = wideBlur(x, width, height, BACKGROUND_SIGMA_MM / pixelSpacingMm);
  const structures = wideBlur(x, width, height, DETAIL_SIGMA_MM / pixelSpacingMm);
  const y = background;
  for (let i = 0; i < n; i++) {
    const band = (structures[i] - background[i]) / STRUCTURE_LIMIT;
    // x/√(1+x²): a smooth limiter like tanh, so skin and gas edges do not ring.
    y[i] =
      TREND_GAIN * trend[i] +
      BACKGROUND_GAIN * (background[i] - trend[i]) +
      (STRUCTURE_GAIN * STRUCTURE_LIMIT * band) / Math.sqrt(1 + band * band) +
      DETAIL_GAIN * (x[i] - structures[i]);
  }

  const [low, median, high] = quantiles(y, anatomy, LOW_QUANTILE, 0.5, HIGH_QUANTILE);
  const gainBelow = (MEDIAN_LEVEL - LOW_LEVEL) / Math.max(median - low, 1e-6);
  const gainAbove = (HIGH_LEVEL - MEDIAN_LEVEL) / Math.max(high - median, 1e-6);
  const tone = toneTable();
  const pixels = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const d = y[i] - median;
    const u = MEDIAN_LEVEL + d * (d < 0 ? gainBelow : gainAbove);
    const k = Math.round(((u - TONE_U_MIN) / (TONE_U_MAX - TONE_U_MIN)) * (TONE_TABLE_SIZE - 1));
    pixels[i] = tone[k < 0 ? 0 : k >= TONE_TABLE_SIZE ? TONE_TABLE_SIZE - 1 : k];
  }
  return pixels;
}

/**
 * Tone curve on the anchored scale u, tabulated over [TONE_U_MIN, TONE_U_MAX] as 12-bit values:
 * a soft toe below KNEE_LOW and a soft shoulder above KNEE_HIGH (so dense bone rolls off towards
 * white instead of clipping; only metal gets there), then a mild S curve with fixed end points.
 */
function toneTable(): Uint16Array {
  const table = new Uint16Array(TONE_TABLE_SIZE);
  const half = Math.tanh(TONE_STEEPNESS / 2);
  for (let k = 0; k < TONE_TABLE_SIZE; k++) {
    const u = TONE_U_MIN + ((TONE_U_MAX - TONE_U_MIN) * k) / (TONE_TABLE_SIZE - 1);
    let v = u;
    if (u > KNEE_HIGH) v = KNEE_HIGH + (1 - KNEE_HIGH) * Math.tanh((u - KNEE_HIGH) / (1 - KNEE_HIGH));
    else if (u < KNEE_LOW) v = KNEE_LOW - KNEE_LOW * Math.tanh((KNEE_LOW - u) / KNEE_LOW);
    table[k] = Math.round(MAX_VALUE * (0.5 + (0.5 * Math.tanh(TONE_STEEPNESS * (v - 0.5))) / half));
  }
  return table;
}

/** Indices (on a regular sampling grid) of pixels behind the patient; all samples if there are too few. */
function anatomySamples(attenuation: Float32Array, width: number, height: number): Int32Array {
  const stride = Math.max(1, Math.ceil(Math.sqrt((width * height) / MAX_SAMPLES)));
  const all: number[] = [];
  const inside: number[] = [];
  for (let r = stride >> 1; r < height; r += stride)
    for (let c = stride >> 1; c < width; c += stride) {
      const i = r * width + c;
      all.push(i);
      if (attenuation[i] > ANATOMY_THRESHOLD) inside.push(i);
    }
  return Int32Array.from(inside.length >= 0.05 * all.length ? inside : all);
}

function quantiles(values: Float32Array, samples: Int32Array, ...qs: number[]): number[] {
  const v = new Float64Array(samples.length);
  for (let k = 0; k < samples.length; k++) v[k] = values[samples[k]];
  v.sort();
  return qs.map((q) => v[Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))]);
}
