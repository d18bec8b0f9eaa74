import type { DiceSummary } from './dice.js';
import type { ConfusionSummary, CriterionAgreement } from './metrics.js';

const f3 = (v: number | null) => (v === null ? '  —  ' : v.toFixed(3));
const g = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(4));

/** The paper's Table 3 layout, plus the per-criterion agreement with the 3-D truth. */
export function formatOracleReport(
  dir: string,
  confusion: ConfusionSummary[],
  agreement: CriterionAgreement[],
  disagreements: string[],
): string {
  const lines = [
    `Oracle evaluation of ${dir}: the rules applied to the truth masks (positive = qualified)`,
    '',
    'view      films  qualified  accuracy  sensitivity  specificity   TP  FN  TN  FP',
  ];
  for (const c of confusion)
    lines.push(
      `${c.view.padEnd(9)} ${String(c.n).padStart(5)}  ${String(c.qualified).padStart(9)}  ${f3(c.accuracy).padStart(8)}  ${f3(c.sensitivity).padStart(11)}  ${f3(c.specificity).padStart(11)}  ${String(c.truePositive).padStart(3)} ${String(c.falseNegative).padStart(3)} ${String(c.trueNegative).padStart(3)} ${String(c.falsePositive).padStart(3)}`,
    );
  lines.push('', 'Measured value vs 3-D truth, |error| per criterion', '');
  lines.push(
    'view      criterion                          n  pass/fail agree   mean     median   p95      max',
  );
  for (const a of agreement) {
    const e = a.absoluteError;
    lines.push(
      `${a.view.padEnd(9)} ${a.id.padEnd(33)} ${String(a.n).padStart(3)}  ${f3(a.agreement).padStart(15)}   ${e ? [e.mean, e.median, e.p95, e.max].map((v) => g(v).padEnd(8)).join(' ') : '(no values)'}`,
    );
  }
  if (disagreements.length) lines.push('', 'Disagreements:', ...disagreements.map((d) => `  ${d}`));
  return lines.join('\n') + '\n';
}

/** The paper's Table 2 (Dice per structure) and Table 3 (QC per view) for the model. */
export function formatModelReport(
  dir: string,
  extra: { modelVersion: string; viewAccuracy: number; levelAccuracy: number },
  dice: DiceSummary[],
  confusion: ConfusionSummary[],
  agreement: CriterionAgreement[],
  disagreements: string[],
): string {
  const lines = [
    `Model evaluation of ${dir} with ${extra.modelVersion}`,
    `view accuracy ${f3(extra.viewAccuracy)}, vertebral level accuracy (body pixels) ${f3(extra.levelAccuracy)}`,
    '',
    'Segmentation (Dice; mean = per image, over the structures it shows)',
    '',
    'view      structure                     n   mean ± sd        range',
  ];
  for (const d of dice)
    lines.push(
      `${d.view.padEnd(9)} ${d.structure.padEnd(27)} ${String(d.n).padStart(4)}   ${d.mean.toFixed(3)} ± ${d.sd.toFixed(3)}   ${d.min.toFixed(3)}–${d.max.toFixed(3)}`,
    );
  const table3 = formatOracleReport(dir, confusion, agreement, disagreements).split('\n').slice(1);
  lines.push('', 'Quality control (positive = qualified)', ...table3);
  return lines.join('\n');
}
