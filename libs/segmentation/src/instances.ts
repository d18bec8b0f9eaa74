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
/** Log-score cost of giving two successive regions the same level (one body found in two pieces). */
const MERGE_PENALTY = 2;
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
  const kept = dropSpecks(cutFused(regions, width));
  kept.sort((a, b) => a.cy - b.cy);
  for (const r of kept) r.mean = meanLevelProbs(r.pixels, levelProbs, plane);
  const codes = assignLevels(
    kept.map((r) => r.mean),
    kept.map((r, i) => i === 0 || r.cutFrom === undefined || r.cutFrom !== kept[i - 1].cutFrom),
  );
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
  /** Set on the pieces of one fused region cut at its waists: they are different bodies. */
  cutFrom?: number;
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

/** A level's share of a component is its own body when it is at least this fraction of a typical body. */
const SPLIT_FRACTION = 0.5;

/**
 * Bodies touch at the model's resolution when discs are thin, so one component can hold several.
 * Each component is cut along the level head's argmax; a level's piece stands as a body when it is
 * at least SPLIT_FRACTION of a typical body (the upper quartile of all pieces), otherwise its pixels
 * join the kept piece of the nearest level (a fringe of doubtful level, not a vertebra).
 */
function splitByLevel(components: number[][], argmax: Uint8Array, width: number): Region[] {
  const pieces = components.map((pixels) => {
    const byLevel = new Map<number, number[]>();
    for (const p of pixels) {
      const piece = byLevel.get(argmax[p]);
      if (piece) piece.push(p);
      else byLevel.set(argmax[p], [p]);
    }
    return byLevel;
  });
  const areas = pieces.flatMap((m) => [...m.values()].map((p) => p.length)).sort((a, b) => a - b);
  const typical = areas.length ? areas[Math.round(0.75 * (areas.length - 1))] : 0;
  const regions: Region[] = [];
  for (const byLevel of pieces) {
    const strong = [...byLevel.entries()]
      .filter(([, p]) => p.length >= SPLIT_FRACTION * typical)
      .map(([k]) => k);
    if (strong.length <= 1) {
      regions.push(regionOf([...byLevel.values()].flat(), width));
      continue;
    }
    const nearest = (k: number) => strong.reduce((a, b) => (Math.abs(b - k) < Math.abs(a - k) ? b : a));
    const merged = new Map<number, number[]>(strong.map((k) => [k, [...byLevel.get(k)!]]));
    for (const [k, piece] of byLevel) if (!merged.has(k)) merged.get(nearest(k))!.push(...piece);
    for (const part of mergeSideBySide([...merged.values()], width)) regions.push(regionOf(part, width));
  }
  return regions;
}

/** Rows [top, bottom] a set of pixels spans. */
function rowSpan(pixels: number[], width: number): [number, number] {
  let top = Infinity;
  let bottom = -Infinity;
  for (const p of pixels) {
    const y = Math.floor(p / width);
    if (y < top) top = y;
    if (y > bottom) bottom = y;
  }
  return [top, bottom];
}

/** Rows between the 10th and 90th percentile: a few stray pixels of a level must not stretch its piece. */
function coreRowSpan(pixels: number[], width: number): [number, number] {
  const rows = pixels.map((p) => Math.floor(p / width)).sort((a, b) => a - b);
  return [rows[Math.floor(0.1 * (rows.length - 1))], rows[Math.ceil(0.9 * (rows.length - 1))]];
}

/**
 * Pieces that sit side by side (sharing most of their rows) are one body whose left and right
 * halves the level head labelled differently, not two vertebrae: vertebrae stack vertically.
 */
function mergeSideBySide(parts: number[][], width: number): number[][] {
  const out: { pixels: number[]; span: [number, number] }[] = [];
  for (const pixels of parts.sort((a, b) => b.length - a.length)) {
    const span = coreRowSpan(pixels, width);
    const host = out.find((o) => {
      const overlap = Math.min(o.span[1], span[1]) - Math.max(o.span[0], span[0]) + 1;
      return overlap > 0.5 * Math.min(o.span[1] - o.span[0] + 1, span[1] - span[0] + 1);
    });
    if (!host) {
      out.push({ pixels: [...pixels], span });
      continue;
    }
    host.pixels.push(...pixels);
    host.span = [Math.min(host.span[0], span[0]), Math.max(host.span[1], span[1])];
  }
  return out.map((o) => o.pixels);
}

/** A region this many typical body heights tall is several bodies fused at the model's resolution. */
const FUSED_HEIGHT_RATIO = 1.6;

/**
 * Cuts regions taller than FUSED_HEIGHT_RATIO × the median body height into round(h / median)
 * bodies, at the narrowest rows near the expected cuts: the disc spaces are the waists.
 */
function cutFused(regions: Region[], width: number): Region[] {
  if (regions.length < 2) return regions;
  // Heights from the core rows: stray pixels of a neighbouring body must not make a body look tall.
  const core = regions.map((r) => coreRowSpan(r.pixels, width));
  const coreHeights = core.map(([t, b]) => b - t + 1);
  const median = [...coreHeights].sort((a, b) => a - b)[Math.floor(coreHeights.length / 2)];
  const out: Region[] = [];
  regions.forEach((r, i) => {
    const [top, bottom] = rowSpan(r.pixels, width);
    const height = bottom - top + 1;
    const pieces = Math.round(coreHeights[i] / median);
    if (coreHeights[i] < FUSED_HEIGHT_RATIO * median || pieces < 2) {
      out.push(r);
      return;
    }
    const rowWidth = new Int32Array(height);
    for (const p of r.pixels) rowWidth[Math.floor(p / width) - top]++;
    // Expected cuts spread over the core rows (stray pixels would shift them); the waist is the
    // narrowest row near each, within a quarter body, so a tapering end plate is never chosen.
    const [coreTop, coreBottom] = core[i];
    const step = coreHeights[i] / pieces;
    const window = Math.max(1, Math.round(0.25 * step));
    const cuts: number[] = [];
    for (let c = 1; c < pieces; c++) {
      const expected = Math.round(coreTop - top + c * step);
      let best = expected;
      for (
        let y = Math.max(coreTop - top + 1, expected - window);
        y <= Math.min(coreBottom - top - 1, expected + window);
        y++
      )
        if (rowWidth[y] < rowWidth[best]) best = y;
      cuts.push(best);
    }
    const parts: number[][] = cuts.map(() => []).concat([[]]);
    for (const p of r.pixels) {
      const y = Math.floor(p / width) - top;
      let k = 0;
      while (k < cuts.length && y >= cuts[k]) k++;
      parts[k].push(p);
    }
    for (const part of parts) if (part.length) out.push({ ...regionOf(part, width), cutFrom: i });
  });
  return out;
}

function regionOf(pixels: number[], width: number): Region {
  let rows = 0;
  for (const p of pixels) rows += Math.floor(p / width);
  return { pixels, cy: rows / pixels.length, mean: new Float64Array(0) };
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
 * Non-decreasing level codes for regions ordered top to bottom, maximising the summed log
 * probability minus GAP_PENALTY per skipped level and MERGE_PENALTY per repeated level (two pieces
 * of one body share its code); equal scores resolve towards L5. With more regions than levels the
 * extra ones (top first) get T6. `mergeable[i] === false` forbids region i sharing the code of
 * region i − 1 (the two halves of a fused region cut at its waist).
 */
export function assignLevels(means: Float64Array[], mergeable: boolean[] = []): number[] {
  const n = means.length;
  if (!n) return [];
  if (n > LEVEL_COUNT) {
    const extra = n - LEVEL_COUNT;
    return [...new Array<number>(extra).fill(1), ...assignLevels(means.slice(extra), mergeable.slice(extra))];
  }
  const score = (i: number, k: number) => Math.log(Math.max(means[i][k], 1e-4));
  // best[i][k]: best score of bodies 0..i with body i at level index k.
  const best = means.map(() => new Float64Array(LEVEL_COUNT).fill(-Infinity));
  const from = means.map(() => new Int8Array(LEVEL_COUNT).fill(-1));
  for (let k = 0; k < LEVEL_COUNT; k++) best[0][k] = score(0, k);
  for (let i = 1; i < n; i++)
    for (let k = 0; k < LEVEL_COUNT; k++)
      for (let j = 0; j <= (mergeable[i] === false ? k - 1 : k); j++) {
        // j === k: this region is more of the body above (over-split), at a price.
        const step = j === k ? -MERGE_PENALTY : -GAP_PENALTY * (k - j - 1);
        const s = best[i - 1][j] + step + score(i, k);
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
