import type { CriterionId, View } from '@spineqc/qc-standard';

/** One judged film: what the truth says and what the rules said. */
export interface JudgedFilm {
  file: string;
  view: View;
  truthQualified: boolean;
  predictedQualified: boolean;
  criteria: {
    id: CriterionId;
    truthValue: number | null;
    truthPassed: boolean;
    value: number | null;
    passed: boolean | null;
  }[];
}

export interface ConfusionSummary {
  view: View;
  n: number;
  qualified: number;
  accuracy: number;
  /** Positive = qualified, as in the paper: the share of qualified films recognised as such. */
  sensitivity: number | null;
  specificity: number | null;
  truePositive: number;
  falseNegative: number;
  trueNegative: number;
  falsePositive: number;
}

export interface ErrorDistribution {
  n: number;
  mean: number;
  median: number;
  p95: number;
  max: number;
}

export interface CriterionAgreement {
  view: View;
  id: CriterionId;
  n: number;
  /** Films whose pass/fail agrees with the truth. */
  agreement: number;
  absoluteError: ErrorDistribution | null;
}

export function confusionByView(films: JudgedFilm[]): ConfusionSummary[] {
  const views = [...new Set(films.map((f) => f.view))];
  return views.map((view) => {
    const of = films.filter((f) => f.view === view);
    const tp = of.filter((f) => f.truthQualified && f.predictedQualified).length;
    const fn = of.filter((f) => f.truthQualified && !f.predictedQualified).length;
    const tn = of.filter((f) => !f.truthQualified && !f.predictedQualified).length;
    const fp = of.filter((f) => !f.truthQualified && f.predictedQualified).length;
    return {
      view,
      n: of.length,
      qualified: tp + fn,
      accuracy: (tp + tn) / of.length,
      sensitivity: tp + fn ? tp / (tp + fn) : null,
      specificity: tn + fp ? tn / (tn + fp) : null,
      truePositive: tp,
      falseNegative: fn,
      trueNegative: tn,
      falsePositive: fp,
    };
  });
}

export function criterionAgreement(films: JudgedFilm[]): CriterionAgreement[] {
  const keys = new Map<string, { view: View; id: CriterionId }>();
  for (const f of films)
    for (const c of f.criteria) keys.set(`${f.view}/${c.id}`, { view: f.view, id: c.id });
  return [...keys.values()].map(({ view, id }) => {
    const rows = films.filter((f) => f.view === view).flatMap((f) => f.criteria.filter((c) => c.id === id));
    const agree = rows.filter((c) => (c.passed !== false) === c.truthPassed).length;
    const errors = rows
      .filter(
        (c) =>
          c.value !== null &&
          c.truthValue !== null &&
          Number.isFinite(c.value) &&
          Number.isFinite(c.truthValue),
      )
      .map((c) => Math.abs(c.value! - c.truthValue!));
    return { view, id, n: rows.length, agreement: agree / rows.length, absoluteError: distribution(errors) };
  });
}

export function distribution(values: number[]): ErrorDistribution | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1) + 0.5))];
  return {
    n: sorted.length,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    median: q(0.5),
    p95: q(0.95),
    max: sorted[sorted.length - 1],
  };
}
