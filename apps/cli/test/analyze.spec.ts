import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, readDicom } from '@spineqc/imaging';
import { STRUCTURES, VIEWS } from '@spineqc/qc-standard';
import { parseCsv } from '../src/analyze/fixtures.js';

// Runs the built command line as a user would (the test command builds first).
const bin = new URL('../bin/spineqc.mjs', import.meta.url).pathname;

function spineqc(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
let films: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spineqc-analyze-'));
  films = join(dir, 'month');
  const made = spineqc(
    'phantom',
    ...[
      '--out',
      films,
      '--count',
      '6',
      '--view',
      'mixed',
      '--seed',
      '8',
      '--defects',
      'random',
      '--format',
      'both',
    ],
  );
  expect(made.code, made.stderr).toBe(0);
  // A truncated DICOM in a subfolder (unreadable, must be listed) and a note (not an image, skipped).
  const first = (await readdir(films)).find((f) => f.endsWith('.dcm'))!;
  await mkdir(join(films, 'incoming'));
  await writeFile(
    join(films, 'incoming', 'broken.dcm'),
    (await readFile(join(films, first))).subarray(0, 2000),
  );
  await writeFile(join(films, 'notes.txt'), 'exported by the PACS on Monday\n');
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('spineqc analyze', () => {
  it('audits a folder into a summary, a CSV and a self-contained HTML report', async () => {
    const report = join(dir, 'out', 'audit.html');
    const csv = join(dir, 'out', 'audit.csv');
    const run = spineqc('analyze', films, '--report', report, '--csv', csv);
    expect(run.code, run.stderr).toBe(0);

    const names = await readdir(films);
    const sideFile = (f: string) => ['levels', ...STRUCTURES].some((s) => f.endsWith(`.${s}.png`));
    const images = [
      ...names.filter((f) => /\.(dcm|png)$/.test(f) && !sideFile(f)),
      'incoming/broken.dcm',
    ].sort();
    expect(images).toHaveLength(13);
    expect(run.stdout).toContain(`SpineQC audit of ${films}: 13 image files, 12 judged, 1 could not be read`);
    expect(run.stdout).toMatch(/other files skipped/);
    expect(run.stdout).toMatch(/^all\s+12\s/m);
    expect(run.stdout).toContain('incoming/broken.dcm');
    expect(run.stderr).toMatch(/analyze 13\/13/);

    const [header, ...rows] = parseCsv(await readFile(csv, 'utf8'));
    const records = rows.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i]])));
    expect(records.map((r) => r.file).sort()).toEqual(images);
    const broken = records.find((r) => r.file === 'incoming/broken.dcm')!;
    expect(broken.error).toMatch(/^BAD_DICOM: /);
    expect(broken.qualified).toBe('');
    const judged = records.filter((r) => r !== broken);
    for (const r of judged) {
      expect(r.error).toBe('');
      expect(VIEWS).toContain(r.view);
      expect(['true', 'false']).toContain(r.qualified);
      expect(r.model_version).toMatch(/@/);
    }
    expect(judged.filter((r) => r.format === 'dicom').every((r) => r.technologist && r.station)).toBe(true);

    // Whitespace between tags carries no meaning: ignore it.
    const html = (await readFile(report, 'utf8')).replace(/>\s+</g, '><').replace(/\s+/g, ' ');
    expect(html).toContain('<section id="summary"><h2>Summary by view</h2>');
    expect(html).toContain('<section id="failures">');
    expect(html).toContain('<section id="technologists">');
    expect(html).toMatch(/<td>incoming\/broken\.dcm<\/td><td><code>BAD_DICOM<\/code>/);
    expect(html).not.toMatch(/<link|<script|src="http/i);
    const cards = html.match(/<article class="card"[\s\S]*?<\/article>/g) ?? [];
    const toReview = judged.filter((r) => r.qualified === 'false');
    expect(cards).toHaveLength(toReview.length);
    for (const r of toReview) {
      const card = cards.find((c) => c.includes(`data-file="${r.file}"`));
      expect(card, r.file).toBeDefined();
      const uri = card!.match(/src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/);
      expect(uri, r.file).not.toBeNull();
      const thumbnail = decodePng(Buffer.from(uri![1], 'base64'));
      expect(thumbnail.height).toBeLessThanOrEqual(320);
      for (const id of r.failed_criteria ? r.failed_criteria.split(';') : [])
        expect(card).toContain(`<code>${id}</code>`);
    }

    // Patient identity stays out of every output.
    const dicom = readDicom(
      await readFile(
        join(
          films,
          names.find((f) => f.endsWith('.dcm'))!,
        ),
      ),
    );
    const identity = [dicom.patientName, dicom.patientId, ...dicom.patientName.split('^')].filter(
      (s) => s.length > 2,
    );
    expect(identity.length).toBeGreaterThan(2);
    const outputs = { html, csv: await readFile(csv, 'utf8'), stdout: run.stdout, stderr: run.stderr };
    for (const [where, text] of Object.entries(outputs))
      for (const word of identity) expect(text.includes(word), `${word} in ${where}`).toBe(false);
  });

  it('is a usage error without a readable folder', () => {
    const missing = spineqc('analyze', join(dir, 'nowhere'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    const none = spineqc('analyze');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing required argument 'dir'/);
  });
});
