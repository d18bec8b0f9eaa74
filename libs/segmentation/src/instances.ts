import { LEVELS } from '@spineqc/qc-standard';

/** One vertebral body found at the model's resolution. */
export interface BodyInstance {
  /** Level code (1 = T6 … 12 = L5). */
  code: number;
  area: number;
  /** Mean probability of the assigned level among the level classes, over the body's pixels. */
  levelConfidence: number;
}

export interface InstanceResult {
  /** Per canvas pixel: level code of its body, 0 elsewhere. */
  codes: Uint8Array;
  bodies: BodyInstance[];
}

const LEVEL_COUNT = LEVELS.length;
/** Log-score cost of leaving a level out between two found bodies (a missed body). */
const GAP_PENALTY = 3;
/** Bodies smaller than this fraction of the median are specks, not vertebrae. */
const MIN_AREA_FRACTION = 0.2;

/**
 * Vertebral bodies and their levels from the body mask and the level head: connected components
 * of the mask, split where the level head sees two levels in one component (bodies that touch
 * at this resolution), then one consecutive-as-possible level sequence top to bottom chosen by
 * maximum likelihood, so a single doubtful body cannot break the count from the sacrum.
 */
export function findBodies(
  body: Uint8Array,
  levelProbs: Float32Array,
  width: number,
  height: number,
): InstanceResult {
  const plane = width * height;
  const argmax = new Uint8Array(plane);
  for (let i = 0; i < plane; i++) {
    if (!body[i]) continue;
    let best = 1;
    for (let k = 2; k <= LEVEL_COUNT; k++)
      if (levelProbs[k * plane + i] > levelProbs[best * plane + i]) best = k;
    argmax[i] = best;
  }
  const regions = splitByLevel(label(body, width, height), argmax, width);
  const kept = dropSpecks(regions);
  kept.sort((a, b) => a.cy - b.cy);
  for (const r of kept) r.mean = meanLevelProbs(r.pixels, levelProbs, plane);
  const codes = assignLevels(kept.map((r) => r.mean));
  const out = new Uint8Array(plane);
  const bodies: BodyInstance[] = kept.map((r, i) => {
    for (const p of r.pixels) out[p] = codes[i];
    return { code: codes[i], area: r.pixels.length, levelConfidence: r.mean[codes[i] - 1] };
  });
  return { codes: out, bodies };
}

interface Region {
  pixels: number[];
  cy: number;
  mean: Float64Array;
}

function label(mask: Uint8Array, width: number, height: number): number[][] {
  const seen = new Uint8Array(mask.length);
  const regions: number[][] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const pixels: number[] = [];
    seen[start] = 1;
    stack.push(start);
    const visit = (q: number) => {
      if (!mask[q] || seen[q]) return;
      seen[q] = 1;
      stack.push(q);
    };
    while (stack.length) {
      const p = stack.pop()!;
      pixels.push(p);
      const x = p % width;
      const y = (p - x) / width;
      if (x > 0) visit(p - 1);
      if (x < width - 1) visit(p + 1);
      if (y > 0) visit(p - width);
      if (y < height - 1) visit(p + width);
    }
    regions.push(pixels);
  }
  return regions;
}

/** A component whose pixels the level head splits between two levels (≥ 25 % each) is two bodies. */
function splitByLevel(components: number[][], argmax: Uint8Array, width: number): Region[] {
  const regions: Region[] = [];
  for (const pixels of components) {
    const counts = new Map<number, number>();
    for (const p of pixels) counts.set(argmax[p], (counts.get(argmax[p]) ?? 0) + 1);
    const strong = [...counts.entries()].filter(([, n]) => n >= 0.25 * pixels.length).map(([k]) => k);
    if (strong.length < 2) {
      regions.push(region(pixels));
      continue;
    }
    const parts = new Map<number, number[]>(strong.map((k) => [k, []]));
    const nearest = (k: number) => strong.reduce((a, b) => (Math.abs(b - k) < Math.abs(a - k) ? b : a));
    for (const p of pixels) parts.get(parts.has(argmax[p]) ? argmax[p] : nearest(argmax[p]))!.push(p);
    for (const part of parts.values()) regions.push(region(part));
  }
  return regions;

  function region(pixels: number[]): Region {
    let rows = 0;
    for (const p of pixels) rows += Math.floor(p / width);
    return { pixels, cy: rows / pixels.length, mean: new Float64Array(0) };
  }
}

function dropSpecks(regions: Region[]): Region[] {
  if (!regions.length) return regions;
  const areas = regions.map((r) => r.pixels.length).sort((a, b) => a - b);
  const median = areas[Math.floor(areas.length / 2)];
  return regions.filter((r) => r.pixels.length >= Math.max(4, MIN_AREA_FRACTION * median));
}

function meanLevelProbs(pixels: number[], levelProbs: Float32Array, plane: number): Float64Array {
  const mean = new Float64Array(LEVEL_COUNT);
  for (const p of pixels) {
    let total = 0;
    for (let k = 1; k <= LEVEL_COUNT; k++) total += levelProbs[k * plane + p];
    for (let k = 1; k <= LEVEL_COUNT; k++) mean[k - 1] += levelProbs[k * plane + p] / Math.max(total, 1e-6);
  }
  for (let k = 0; k < LEVEL_COUNT; k++) mean[k] /= Math.max(1, pixels.length);
  return mean;
}

/**
 * Strictly increasing level codes for bodies ordered top to bottom, maximising the summed log
 * probability minus GAP_PENALTY per skipped level; equal scores resolve towards L5. With more bodies than levels the extra ones
 * (top first) get the nearest free code they can.
 */
export function assignLevels(means: Float64Array[]): number[] {
  const n = means.length;
  if (!n) return [];
  if (n > LEVEL_COUNT) {
    const extra = n - LEVEL_COUNT;
    return [...new Array<number>(extra).fill(1), ...assignLevels(means.slice(extra))];
  }
  const score = (i: number, k: number) => Math.log(Math.max(means[i][k], 1e-4));
  // best[i][k]: best score of bodies 0..i with body i at level index k.
  const best = means.map(() => new Float64Array(LEVEL_COUNT).fill(-Infinity));
  const from = means.map(() => new Int8Array(LEVEL_COUNT).fill(-1));
  for (let k = 0; k < LEVEL_COUNT; k++) best[0][k] = score(0, k);
  for (let i = 1; i < n; i++)
    for (let k = i; k < LEVEL_COUNT; k++)
      for (let j = i - 1; j < k; j++) {
        const s = best[i - 1][j] - GAP_PENALTY * (k - j - 1) + score(i, k);
        if (s > best[i][k]) {
          best[i][k] = s;
          from[i][k] = j;
        }
      }
  // Ties go to the caudal end: with no usable evidence the bottom body is the one on the sacrum
  // (L5), which a lumbar film always shows, rather than T6.
  let k = LEVEL_COUNT - 1;
  for (let c = LEVEL_COUNT - 2; c >= 0; c--) if (best[n - 1][c] > best[n - 1][k]) k = c;
  const codes = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    codes[i] = k + 1;
    k = from[i][k];
  }
  return codes;
}
