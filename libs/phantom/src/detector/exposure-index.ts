/**
 * Tube output: free-in-air kerma per mAs at 1 m and 80 kVp (2.5 mm Al). Set so a typical AP lumbar
 * (80 kVp, SID 1000 mm, ~25 mAs, grid) leaves ~2.5–5 µGy at the detector behind the patient, in
 * line with the EI ≈ 250–400 that DR rooms target.
 */
export const KERMA_UGY_PER_MAS_AT_1M_80KV = 30;

/** Free-in-air kerma at the detector with no patient and no grid: ∝ mAs·kVp²/SID². */
export function unattenuatedKermaUgy(mAs: number, kvp: number, sidMm: number): number {
  return KERMA_UGY_PER_MAS_AT_1M_80KV * mAs * (kvp / 80) ** 2 * (1000 / sidMm) ** 2;
}

/** Side of the value-of-interest region as a fraction of the field's: √½ per axis covers the central 50 % of its area. */
const VOI_SIDE_FRACTION = Math.SQRT1_2;
/** At most this many pixels are sampled (on a regular grid) for the median. */
const MAX_SAMPLES = 250_000;

/**
 * IEC 62494-1 exposure index: EI = 100 × K (µGy) for the detector kerma of the value of interest,
 * here the median over the central 50 % of the field.
 */
export function exposureIndex(kermaUgy: Float32Array, width: number, height: number): number {
  return 100 * centralMedian(kermaUgy, width, height);
}

/** DI = 10·log10(EI / EI_T). */
export function deviationIndex(exposureIndexValue: number, targetExposureIndex: number): number {
  return 10 * Math.log10(exposureIndexValue / targetExposureIndex);
}

function centralMedian(values: Float32Array, width: number, height: number): number {
  const w = Math.max(1, Math.round(width * VOI_SIDE_FRACTION));
  const h = Math.max(1, Math.round(height * VOI_SIDE_FRACTION));
  const c0 = Math.floor((width - w) / 2);
  const r0 = Math.floor((height - h) / 2);
  const stride = Math.max(1, Math.ceil(Math.sqrt((w * h) / MAX_SAMPLES)));
  const samples: number[] = [];
  for (let r = r0; r < r0 + h; r += stride)
    for (let c = c0; c < c0 + w; c += stride) samples.push(values[r * width + c]);
  const sorted = Float64Array.from(samples).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
