import { STRUCTURES, type MaskSet, type Structure, type View } from '@spineqc/qc-standard';

/** Dice of two binary masks; null when both are empty (nothing to score, as in the paper). */
export function dice(a: Uint8Array, b: Uint8Array): number | null {
  let inter = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ? 1 : 0;
    const y = b[i] ? 1 : 0;
    sa += x;
    sb += y;
    inter += x & y;
  }
  return sa + sb ? (2 * inter) / (sa + sb) : null;
}

export interface SegmentationScores {
  view: View;
  dice: Partial<Record<Structure, number>>;
  /** Fraction of truth vertebral-body pixels whose predicted level code is right. */
  levelAccuracy: number | null;
}

export function scoreSegmentation(view: View, predicted: MaskSet, truth: MaskSet): SegmentationScores {
  const scores: Partial<Record<Structure, number>> = {};
  for (const s of STRUCTURES) {
    const d = dice(predicted.masks[s], truth.masks[s]);
    if (d !== null) scores[s] = d;
  }
  let hits = 0;
  let total = 0;
  for (let i = 0; i < truth.levels.length; i++) {
    if (!truth.levels[i]) continue;
    total++;
    if (predicted.levels[i] === truth.levels[i]) hits++;
  }
  return { view, dice: scores, levelAccuracy: total ? hits / total : null };
}

export interface DiceSummary {
  view: View;
  structure: Structure | 'mean';
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}

/** The paper's Table 2: Dice per structure and view (mean ± sd, range), and the view's mean over structures. */
export function summariseDice(scores: SegmentationScores[]): DiceSummary[] {
  const rows: DiceSummary[] = [];
  const views = [...new Set(scores.map((s) => s.view))];
  for (const view of views) {
    const of = scores.filter((s) => s.view === view);
    const structureMeans: number[] = [];
    for (const structure of STRUCTURES) {
      const values = of.map((s) => s.dice[structure]).filter((v): v is number => v !== undefined);
      if (!values.length) continue;
      const row = describe(view, structure, values);
      structureMeans.push(row.mean);
      rows.push(row);
    }
    // Per image: mean over the structures it shows, then summarised like a structure.
    const perImage = of
      .map((s) => Object.values(s.dice))
      .filter((v) => v.length)
      .map((v) => v.reduce((a, b) => a + b, 0) / v.length);
    if (perImage.length) rows.push(describe(view, 'mean', perImage));
  }
  return rows;
}

function describe(view: View, structure: Structure | 'mean', values: number[]): DiceSummary {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return { view, structure, n: values.length, mean, sd, min: Math.min(...values), max: Math.max(...values) };
}
