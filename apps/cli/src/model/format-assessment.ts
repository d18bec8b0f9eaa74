import type { Assessment } from '@spineqc/assessment';
import { formatMeasurement, VIEW_NAMES } from '../analyze/format.js';

/** A verdict as a radiographer reads it: the outcome first, then each criterion and the correction. */
export function formatAssessment(file: string, a: Assessment): string {
  const { verdict } = a;
  const outcome = verdict.notAssessable
    ? 'NOT ASSESSABLE'
    : verdict.qualified
      ? 'QUALIFIED'
      : 'NOT QUALIFIED';
  const lines = [
    `${file}: ${outcome} — ${VIEW_NAMES[verdict.view]} (view from ${a.view.source}), confidence ${a.confidence.toFixed(2)}, ${a.timingsMs.total.toFixed(0)} ms`,
  ];
  if (a.view.contradiction) lines.push(`  ! ${a.view.contradiction}`);
  if (verdict.reason) lines.push(`  ${verdict.reason}`);
  for (const c of verdict.criteria) {
    const mark = c.passed === null ? '?' : c.passed ? '✓' : '✗';
    lines.push(`  ${mark} ${c.label}: ${formatMeasurement(c.value, c.unit)} — ${c.message}`);
    if (c.correction) lines.push(`      → ${c.correction}`);
  }
  return lines.join('\n') + '\n';
}
