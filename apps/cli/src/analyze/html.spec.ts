import { describe, expect, it } from 'vitest';
import { encodePngRgb } from '@spineqc/imaging';
import { errorFixture, judgedFixture } from './fixtures.js';
import { auditHtml } from './html.js';
import { escapeHtml, html } from './html-escape.js';
import { summarise } from './summary.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
    expect(escapeHtml('L3–L5 ≥ 3 · Ω')).toBe('L3–L5 ≥ 3 · Ω');
  });
});

describe('html template', () => {
  it('escapes interpolated text and arrays but not nested templates', () => {
    const name = '<b>x</b>';
    const inner = html`<i>${name}</i>`;
    expect(html`<p title="${'"q"'}">${inner}${[name, 3]}${null}</p>`.text).toBe(
      '<p title="&quot;q&quot;"><i>&lt;b&gt;x&lt;/b&gt;</i>&lt;b&gt;x&lt;/b&gt;3</p>',
    );
  });
});

describe('auditHtml', () => {
  const thumbnail = encodePngRgb(new Uint8Array(2 * 3 * 3).fill(128), 2, 3);
  const hostile = '<script>alert(1)</script>';
  const entries = [
    judgedFixture({ file: 'good.dcm', view: 'ap' }),
    judgedFixture({
      file: `${hostile}.dcm`,
      view: 'ap',
      failed: ['vertebrae-in-field'],
      technologist: `<img src=x onerror=alert(2)>`,
      station: 'DR "1" & 2',
      thumbnailPng: thumbnail,
    }),
    judgedFixture({ file: 'na.png', view: 'lateral', notAssessable: true, thumbnailPng: thumbnail }),
    errorFixture('broken.dcm', `bad tag <${hostile}>`),
  ];
  // Whitespace between tags carries no meaning (and Prettier lays out the templates): ignore it.
  const page = auditHtml({
    dir: '/exports/<2026-08>',
    generatedAt: new Date('2026-09-01T08:00:00Z'),
    summary: summarise(entries),
    entries,
    skipped: 4,
  })
    .replace(/>\s+</g, '><')
    .replace(/\s+/g, ' ');

  it('is one self-contained page: inline style, no external resources', () => {
    expect(page.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(page).toMatch(/<style>[\s\S]*\.card[\s\S]*<\/style>/);
    expect(page).not.toMatch(/<link|<script|src="http|url\(/i);
  });

  it('escapes every text that comes from files', () => {
    expect(page).not.toContain(hostile);
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.dcm');
    expect(page).toContain('DR &quot;1&quot; &amp; 2');
    expect(page).toContain('/exports/&lt;2026-08&gt;');
  });

  it('shows the summary, failure reasons, breakdowns and unreadable files', () => {
    expect(page).toContain('<section id="summary">');
    expect(page).toMatch(/<th>AP<\/th><td class="n">2<\/td><td class="n">1<\/td><td class="n">1<\/td>/);
    expect(page).toContain('Seven vertebrae T11–L5 in the field <code>vertebrae-in-field</code>');
    expect(page).toContain('<section id="technologists">');
    expect(page).toContain('<section id="rooms">');
    expect(page).toMatch(/<section id="unreadable"><h2>Files that could not be read \(1\)/);
    expect(page).toContain('<td>broken.dcm</td>');
  });

  it('has one card per failed or not assessable film, with its thumbnail, value, range and correction', () => {
    const cards = page.match(/<article class="card"[\s\S]*?<\/article>/g) ?? [];
    expect(cards).toHaveLength(2);
    expect(cards[0]).toContain('data-file="&lt;script&gt;alert(1)&lt;/script&gt;.dcm"');
    expect(cards[0]).toContain(`src="data:image/png;base64,${Buffer.from(thumbnail).toString('base64')}"`);
    expect(cards[0]).toContain('NOT QUALIFIED');
    expect(cards[0]).toContain('<td class="n">9 vertebrae</td><td class="n">0 to 1 vertebrae</td>');
    expect(cards[0]).toContain('→ fix vertebrae-in-field');
    expect(cards[1]).toContain('NOT ASSESSABLE');
    expect(cards[1]).toContain('only one vertebral body found');
    expect(page).not.toMatch(/data-file="good\.dcm"/);
  });
});
