import type { Assessment } from '@spineqc/assessment';

/** The JSON Lines record of `spineqc check --json` (DESIGN.md contract, plus provenance). */
export function assessmentRecord(file: string, a: Assessment) {
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    file,
    view: a.verdict.view,
    viewSource: a.view.source,
    predictedView: a.view.predicted,
    ...(a.view.contradiction && { viewContradiction: a.view.contradiction }),
    qualified: a.verdict.qualified,
    notAssessable: a.verdict.notAssessable,
    ...(a.verdict.reason && { reason: a.verdict.reason }),
    confidence: round(a.confidence),
    criteria: a.verdict.criteria.map((c) => ({
      id: c.id,
      passed: c.passed,
      value: c.value,
      range: c.range,
      unit: c.unit,
      message: c.message,
      ...(c.correction && { correction: c.correction }),
    })),
    vertebrae: a.vertebrae,
    modelVersion: a.modelVersion,
    rulesVersion: a.verdict.rulesVersion,
    pixelSpacing: {
      mm: a.pixelSpacing.mm.map((v) => Math.round(v * 10000) / 10000),
      source: a.pixelSpacing.source,
    },
    image: a.image,
    timingsMs: Object.fromEntries(Object.entries(a.timingsMs).map(([k, v]) => [k, round(v)])),
  };
}

export function errorRecord(file: string, error: unknown) {
  const e = error as { code?: string; message?: string };
  return { file, error: { code: e.code ?? 'ERROR', message: e.message ?? String(error) } };
}
