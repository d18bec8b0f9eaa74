import type { Rng } from '../random.js';
import { boxGaussianBlur, upsampleBilinear } from './blur.js';
import { fillStandardNormal } from './normal-table.js';

/**
 * Trabecular pattern of cancellous bone seen at the detector: white noise band-passed between a
 * fine, vertically elongated Gaussian (correlation length ~1.3 mm across, ~2.7 mm along: trabeculae
 * run mostly cranio-caudally in a vertebral body, and image columns are cranio-caudal) and a coarse
 * one that removes blotches. Scaled to a standard
 * deviation of 0.18 and clipped to ±0.5 so bone density never changes sign.
 */
const FINE_SIGMA_X_MM = 0.4;
const FINE_SIGMA_Y_MM = 0.8;
const COARSE_SIGMA_MM = 3;
const STD = 0.18;
const LIMIT = 0.5;
const FIELD_GRID_MM = 0.3;

/**
 * Bone path lengths with the textured part modulated: bone + textureScale·texturedBone·n(x, y).
 * The field is drawn only over the rectangle where texturedBone is non-zero (plus a margin), row by
 * row from `rng`, so it is deterministic for a seed.
 */
export function texturedBonePaths(
  bone: Float32Array,
  texturedBone: Float32Array,
  width: number,
  height: number,
  pixelSpacingMm: number,
  textureScale: number,
  rng: Rng,
): Float32Array {
  const out = bone.slice();
  if (!(textureScale > 0)) return out;
  let c0 = width;
  let c1 = -1;
  let r0 = height;
  let r1 = -1;
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++)
      if (texturedBone[r * width + c] !== 0) {
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
      }
  if (c1 < 0) return out;
  const margin = Math.ceil((3 * COARSE_SIGMA_MM) / pixelSpacingMm);
  c0 = Math.max(0, c0 - margin);
  c1 = Math.min(width - 1, c1 + margin);
  r0 = Math.max(0, r0 - margin);
  r1 = Math.min(height - 1, r1 + margin);
  const w = c1 - c0 + 1;
  const h = r1 - r0 + 1;
  // Fine pixels get the field on a ~0.3 mm grid, interpolated: it has no finer detail to lose.
  const factor = Math.max(1, Math.floor(FIELD_GRID_MM / pixelSpacingMm));
  const gw = Math.ceil(w / factor);
  const gh = Math.ceil(h / factor);
  const coarse = bandLimitedNoise(gw, gh, pixelSpacingMm * factor, rng);
  const field = factor === 1 ? coarse : upsampleBilinear(coarse, gw, gh, factor, w, h);
  for (let r = 0; r < h; r++)
    for (let c = 0; c < w; c++) {
      const i = (r + r0) * width + c + c0;
      out[i] += textureScale * texturedBone[i] * field[r * w + c];
    }
  return out;
}

/** Zero-mean, unit-free random field with the trabecular correlation (see above). */
export function bandLimitedNoise(
  width: number,
  height: number,
  pixelSpacingMm: number,
  rng: Rng,
): Float32Array {
  const white = fillStandardNormal(new Float32Array(width * height), rng);
  const fine = boxGaussianBlur(
    white,
    width,
    height,
    FINE_SIGMA_X_MM / pixelSpacingMm,
    FINE_SIGMA_Y_MM / pixelSpacingMm,
  );
  const coarse = boxGaussianBlur(fine, width, height, COARSE_SIGMA_MM / pixelSpacingMm);
  let sumSq = 0;
  for (let i = 0; i < fine.length; i++) {
    fine[i] -= coarse[i];
    sumSq += fine[i] * fine[i];
  }
  const gain = STD / Math.sqrt(sumSq / fine.length || 1);
  for (let i = 0; i < fine.length; i++) fine[i] = Math.max(-LIMIT, Math.min(LIMIT, fine[i] * gain));
  return fine;
}
