import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spineqc } from './run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spineqc-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('spineqc phantom + eval --oracle', () => {
  it('writes every file of the contract and the rules agree with the 3-D truth', async () => {
    const out = join(dir, 'films');
    const made = await spineqc(
      'phantom',
      '--out',
      out,
      '--count',
      '30',
      '--view',
      'mixed',
      '--seed',
      '5',
      '--defects',
      'random',
      '--format',
      'both',
    );
    expect(made.stderr).not.toMatch(/Error/);
    expect(made.code).toBe(0);
    const files = await readdir(out);
    const ids = files.filter((f) => f.endsWith('.truth.json')).map((f) => f.replace('.truth.json', ''));
    expect(ids).toHaveLength(30);
    for (const suffix of [
      '.dcm',
      '.png',
      '.levels.png',
      '.vertebral-body.png',
      '.l3-double-contour.png',
      '.intervertebral-foramen.png',
    ])
      expect(files).toContain(`${ids[0]}${suffix}`);

    const truths = await Promise.all(
      ids.map(async (id) => JSON.parse(await readFile(join(out, `${id}.truth.json`), 'utf8'))),
    );
    const qualified = truths.filter((t) => t.qualified).length;
    expect(qualified).toBeGreaterThan(5);
    expect(qualified).toBeLessThan(25);

    const judged = await spineqc('eval', out, '--oracle', '--json');
    expect(judged.code).toBe(0);
    const report = JSON.parse(judged.stdout);
    expect(report.confusion.map((c: { view: string }) => c.view).sort()).toEqual([
      'ap',
      'lateral',
      'oblique',
    ]);
    for (const c of report.confusion)
      expect(c.accuracy, `${c.view}: ${report.disagreements.join(' | ')}`).toBeGreaterThanOrEqual(0.99);
  });

  it('gives the same films for the same seed', async () => {
    const digest = async (folder: string) => {
      const h = createHash('sha256');
      for (const f of (await readdir(folder)).sort()) h.update(f).update(await readFile(join(folder, f)));
      return h.digest('hex');
    };
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    await spineqc('phantom', '--out', a, '--count', '3', '--seed', '42', '--format', 'png', '--jobs', '2');
    await spineqc('phantom', '--out', b, '--count', '3', '--seed', '42', '--format', 'png', '--jobs', '1');
    expect(await digest(a)).toBe(await digest(b));
  });

  it('rejects bad arguments with a clear message and exit status 2', async () => {
    const badView = await spineqc('phantom', '--out', join(dir, 'x'), '--view', 'pa');
    expect(badView.code).toBe(2);
    expect(badView.stderr).toMatch(/--view.*pa|pa.*--view|Allowed choices/i);
    const badCount = await spineqc('phantom', '--out', join(dir, 'x'), '--count', 'ten');
    expect(badCount.code).toBe(2);
    expect(badCount.stderr).toMatch(/--count must be a positive integer/);
    const noOut = await spineqc('phantom');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
    const empty = await spineqc('eval', join(dir, 'nowhere'), '--oracle');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/cannot read/);
    const help = await spineqc('phantom', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--defects/);
  });
});
