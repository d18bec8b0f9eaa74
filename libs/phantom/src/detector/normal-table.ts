import type { Rng } from '../random.js';

/**
 * Fast standard-normal deviates for per-pixel noise: each 32-bit draw is split into two 16-bit
 * indices into a table of normal quantiles at (k + ½)/65536. Four times cheaper than the polar
 * method; the distribution is exact to within the 65536-level discretisation (tails cut at ±4.3σ,
 * which removes < 2e-5 of the variance), far below what a radiograph can show.
 */
const LEVELS = 65536;
let table: Float32Array | null = null;

function quantileTable(): Float32Array {
  if (!table) {
    table = new Float32Array(LEVELS);
    for (let k = 0; k < LEVELS; k++) table[k] = normalQuantile((k + 0.5) / LEVELS);
  }
  return table;
}

/** Fills `out` with independent standard-normal deviates drawn from `rng`. */
export function fillStandardNormal(out: Float32Array, rng: Rng): Float32Array {
  const q = quantileTable();
  const n = out.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const bits = Math.floor(rng.next() * 4294967296);
    out[i] = q[bits & 0xffff];
    out[i + 1] = q[bits >>> 16];
  }
  if (i < n) out[i] = q[Math.floor(rng.next() * LEVELS)];
  return out;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}
