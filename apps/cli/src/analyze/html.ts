import { isJudged, isUnreadable, needsReview, type AuditEntry } from './entry.js';
import { reviewCard } from './html-card.js';
import { html } from './html-escape.js';
import { REPORT_CSS } from './html-style.js';
import { failureTable, groupTable, structureLegend, unreadableTable, viewTable } from './html-tables.js';
import type { AuditSummary } from './summary.js';

export interface ReportInput {
  /** The audited folder, as the user named it (already redacted). */
  dir: string;
  generatedAt: Date;
  summary: AuditSummary;
  /** Every file, in order; judged films to review carry their thumbnails. */
  entries: readonly AuditEntry[];
  skipped: number;
}

/** The audit as one self-contained HTML page: inline style, images as data URIs, every file text escaped. */
export function auditHtml({ dir, generatedAt, summary, entries, skipped }: ReportInput): string {
  const judged = entries.filter(isJudged);
  const toReview = judged.filter(needsReview);
  const unreadable = entries.filter(isUnreadable);
  const versions = [
    summary.modelVersions.length ? `model ${summary.modelVersions.join(', ')}` : '',
    summary.rulesVersions.length ? `rules ${summary.rulesVersions.join(', ')}` : '',
  ].filter(Boolean);
  const page = html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>SpineQC audit — ${dir}</title>
        <style>
          ${REPORT_CSS}
        </style>
      </head>
      <body>
        <h1>SpineQC audit</h1>
        <p class="meta">
          Folder <b>${dir}</b> · ${summary.files} image files, ${judged.length} judged, ${summary.unreadable}
          could not be read${skipped ? ` · ${skipped} other files skipped` : ''}
        </p>
        <p class="meta">
          Generated ${generatedAt.toISOString().replace('T', ' ').slice(0, 16)}
          UTC${versions.length ? ` · ${versions.join(' · ')}` : ''}
        </p>
        ${summary.viewContradictions ? html`<p class="warn">${summary.viewContradictions} films: the stated view disagrees with the image (see the cards).</p>` : null}
        <section id="summary">
          <h2>Summary by view</h2>
          ${viewTable(summary)}
        </section>
        <section id="failures">
          <h2>Failure reasons</h2>
          ${failureTable(summary)}
        </section>
        ${
          summary.byTechnologist.length
            ? html`<section id="technologists">
                <h2>By technologist</h2>
                ${groupTable(summary.byTechnologist, 'technologist')}
              </section>`
            : null
        }
        ${
          summary.byStation.length
            ? html`<section id="rooms">
                <h2>By DR room</h2>
                ${groupTable(summary.byStation, 'room')}
              </section>`
            : null
        }
        <section id="unreadable">
          <h2>Files that could not be read (${unreadable.length})</h2>
          ${unreadableTable(unreadable)}
        </section>
        <section id="review">
          <h2>Films to review (${toReview.length})</h2>
          ${toReview.length ? structureLegend() : html`<p>Every judged film qualified.</p>`}
          ${toReview.length ? html`<p class="note">Structures of the failed criteria are outlined and emphasised; the others are dimmed.</p>` : null}
          ${toReview.map((entry, i) => reviewCard(entry, i + 1))}
        </section>
      </body>
    </html> `;
  return page.text;
}
