import { STRUCTURE_COLOURS } from '@spineqc/imaging';
import { STRUCTURES, VIEWS } from '@spineqc/qc-standard';
import type { ErrorRecord } from './entry.js';
import { formatPercent, VIEW_NAMES } from './format.js';
import { html, type Html } from './html-escape.js';
import { rejectRate, type AuditSummary, type GroupSummary, type OutcomeCounts } from './summary.js';

const COUNT_HEADERS = html`<th>films</th>
  <th>qualified</th>
  <th>not qualified</th>
  <th>not assessable</th>
  <th>reject rate</th>`;

function countCells(c: OutcomeCounts): Html {
  return html`<td class="n">${c.films}</td>
    <td class="n">${c.qualified}</td>
    <td class="n">${c.notQualified}</td>
    <td class="n">${c.notAssessable}</td>
    <td class="n">${formatPercent(rejectRate(c))}</td>`;
}

export function viewTable(summary: AuditSummary): Html {
  const rows = VIEWS.filter((v) => summary.byView[v].films).map(
    (v) =>
      html`<tr>
        <th>${VIEW_NAMES[v]}</th>
        ${countCells(summary.byView[v])}
      </tr>`,
  );
  return html`<table class="summary">
      <thead>
        <tr>
          <th>view</th>
          ${COUNT_HEADERS}
        </tr>
      </thead>
      <tbody>
        ${rows}
        <tr>
          <th>all views</th>
          ${countCells(summary.total)}
        </tr>
      </tbody>
    </table>
    <p class="note">
      Reject rate: films not qualified or not assessable, over all judged films of the view.
    </p>`;
}

/** Failures per criterion and view, with the share of the view's assessable films. */
export function failureTable(summary: AuditSummary): Html {
  if (!summary.failures.length) return html`<p>No criterion failed.</p>`;
  const assessable = (c: OutcomeCounts) => c.films - c.notAssessable;
  const cell = (n: number | undefined, of: number) =>
    n === undefined
      ? html`<td class="n">—</td>`
      : html`<td class="n">${n}${of && n ? ` (${formatPercent(n / of)})` : ''}</td>`;
  const rows = summary.failures.map(
    (f) =>
      html`<tr>
        <td>${f.label} <code>${f.id}</code></td>
        ${VIEWS.map((v) => cell(f.byView[v], assessable(summary.byView[v])))}${cell(f.total, assessable(summary.total))}
      </tr>`,
  );
  const notAssessable = html`<tr>
    <td>Not assessable (no verdict possible)</td>
    ${VIEWS.map((v) => html`<td class="n">${summary.byView[v].notAssessable}</td>`)}
    <td class="n">${summary.total.notAssessable}</td>
  </tr>`;
  return html`<table class="failures">
      <thead>
        <tr>
          <th>criterion</th>
          ${VIEWS.map((v) => html`<th>${VIEW_NAMES[v]}</th>`)}
          <th>all</th>
        </tr>
      </thead>
      <tbody>
        ${rows}${notAssessable}
      </tbody>
    </table>
    <p class="note">
      Count of films failing each criterion (share of the view's assessable films); — where the criterion does
      not apply to the view.
    </p>`;
}

/** Outcomes per technologist or DR room, as the DICOM headers name them. */
export function groupTable(groups: readonly GroupSummary[], what: string): Html {
  const rows = groups.map(
    (g) =>
      html`<tr>
        <td>${g.name || html`<i>not recorded</i>`}</td>
        ${countCells(g.counts)}
        <td>${g.commonestFailure ? `${g.commonestFailure.label} (${g.commonestFailure.count})` : '—'}</td>
      </tr>`,
  );
  return html`<table class="group">
    <thead>
      <tr>
        <th>${what}</th>
        ${COUNT_HEADERS}
        <th>commonest failure</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

export function unreadableTable(errors: readonly ErrorRecord[]): Html {
  if (!errors.length) return html`<p>Every file could be read.</p>`;
  const rows = errors.map(
    (e) =>
      html`<tr>
        <td>${e.file}</td>
        <td><code>${e.error.code}</code></td>
        <td>${e.error.message}</td>
      </tr>`,
  );
  return html`<table class="unreadable">
    <thead>
      <tr>
        <th>file</th>
        <th>code</th>
        <th>error</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

export function structureLegend(): Html {
  const items = STRUCTURES.map((s) => {
    const [r, g, b] = STRUCTURE_COLOURS[s];
    return html`<span><i style="background: rgb(${r}, ${g}, ${b})"></i>${s.replace(/-/g, ' ')}</span>`;
  });
  return html`<p class="legend">${items}</p>`;
}
