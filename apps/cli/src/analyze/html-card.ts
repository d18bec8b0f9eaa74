import { CRITERIA } from '@spineqc/qc-standard';
import { failedCriteria, type JudgedEntry } from './entry.js';
import { formatMeasurement, formatRange, VIEW_NAMES } from './format.js';
import { html, type Html } from './html-escape.js';

export function pngDataUri(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

/** One film to review: its overlay thumbnail, what failed, by how much, and what to correct. */
export function reviewCard(entry: JudgedEntry, index: number): Html {
  const outcome = entry.notAssessable
    ? html`<span class="not-assessable">NOT ASSESSABLE</span>`
    : html`<span class="not-qualified">NOT QUALIFIED</span>`;
  const who = [
    entry.technologist && `technologist ${entry.technologist}`,
    entry.station && `room ${entry.station}`,
  ].filter(Boolean);
  const image = entry.thumbnailPng
    ? html`<img src="${pngDataUri(entry.thumbnailPng)}" alt="${`segmentation overlay of ${entry.file}`}" />`
    : null;
  return html`<article class="card" id="film-${index}" data-file="${entry.file}">
    ${image}
    <div class="body">
      <h3>${entry.file}</h3>
      <p>
        ${outcome} · ${VIEW_NAMES[entry.view]} (view from ${entry.viewSource}) · confidence
        ${entry.confidence.toFixed(2)}
      </p>
      ${who.length ? html`<p class="meta">${who.join(' · ')}</p>` : null}
      ${entry.viewContradiction ? html`<p class="warn">${entry.viewContradiction}</p>` : null}
      ${entry.reason ? html`<p class="warn">${entry.reason}</p>` : null} ${criteriaTable(entry)}
    </div>
  </article>`;
}

function criteriaTable(entry: JudgedEntry): Html | null {
  const failed = failedCriteria(entry);
  if (!failed.length) return null;
  const rows = failed.map(
    (c) =>
      html`<tr>
        <td>${CRITERIA[c.id].label} <code>${c.id}</code></td>
        <td class="n">${formatMeasurement(c.value, c.unit)}</td>
        <td class="n">${formatRange(c.range, c.unit)}</td>
        <td>
          ${c.message}${c.correction ? html`<br /><span class="correction">→ ${c.correction}</span>` : null}
        </td>
      </tr>`,
  );
  return html`<table class="criteria">
    <thead>
      <tr>
        <th>failed criterion</th>
        <th>measured</th>
        <th>pass range</th>
        <th>finding and correction</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
