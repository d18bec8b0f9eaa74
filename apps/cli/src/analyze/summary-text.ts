import { VIEWS } from '@spineqc/qc-standard';
import type { ErrorRecord } from './entry.js';
import { formatPercent, VIEW_NAMES } from './format.js';
import { rejectRate, type AuditSummary, type OutcomeCounts } from './summary.js';

/** Unreadable files listed on the terminal; the report and the CSV list them all. */
const MAX_LISTED_ERRORS = 10;

export interface SummaryTextInput {
  dir: string;
  summary: AuditSummary;
  unreadable: readonly ErrorRecord[];
  skipped: number;
  /** Files written (report, CSV). */
  outputs: { label: string; path: string }[];
}

/** The short plain-text summary printed on stdout after an audit. */
export function formatSummaryText({ dir, summary, unreadable, skipped, outputs }: SummaryTextInput): string {
  const judged = summary.files - summary.unreadable;
  const lines = [
    `SpineQC audit of ${dir}: ${summary.files} image files, ${judged} judged, ${summary.unreadable} could not be read` +
      (skipped ? `; ${skipped} other files skipped` : ''),
    '',
    row('view', 'films', 'qualified', 'not qualified', 'not assessable', 'reject rate'),
    ...VIEWS.filter((v) => summary.byView[v].films).map((v) => countsRow(VIEW_NAMES[v], summary.byView[v])),
    countsRow('all', summary.total),
  ];
  if (summary.failures.length) {
    lines.push('', 'Commonest failures:');
    for (const f of summary.failures.slice(0, 5))
      lines.push(`  ${String(f.total).padStart(5)}  ${f.label} (${f.id})`);
  }
  if (summary.viewContradictions)
    lines.push('', `${summary.viewContradictions} films: the stated view disagrees with the image`);
  if (unreadable.length) {
    lines.push('', `Could not be read (${unreadable.length}):`);
    for (const e of unreadable.slice(0, MAX_LISTED_ERRORS)) lines.push(`  ${e.file}: ${e.error.message}`);
    if (unreadable.length > MAX_LISTED_ERRORS)
      lines.push(`  … and ${unreadable.length - MAX_LISTED_ERRORS} more (all are in the report and the CSV)`);
  }
  if (outputs.length) lines.push('', ...outputs.map((o) => `${o.label}: ${o.path}`));
  return lines.join('\n') + '\n';
}

function countsRow(name: string, c: OutcomeCounts): string {
  return row(name, c.films, c.qualified, c.notQualified, c.notAssessable, formatPercent(rejectRate(c)));
}

function row(name: string, ...cells: (string | number)[]): string {
  const widths = [7, 11, 15, 16, 13];
  return name.padEnd(8) + cells.map((cell, i) => String(cell).padStart(widths[i])).join('');
}
