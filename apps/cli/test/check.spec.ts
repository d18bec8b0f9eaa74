import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng, encodePng16 } from '@spineqc/imaging';
import { STRUCTURES } from '@spineqc/qc-standard';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spineqc } from './run-cli.js';

let dir: string;
let films: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spineqc-check-'));
  films = join(dir, 'films');
  const made = await spineqc('phantom', '--out', films, '--count', '6', '--seed', '31', '--format', 'both');
  expect(made.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ids = async () =>
  (await readdir(films)).filter((f) => f.endsWith('.truth.json')).map((f) => f.replace('.truth.json', ''));

describe('spineqc check', () => {
  it('prints one JSON verdict per file with the contract fields, model and rules versions', async () => {
    const files = (await ids()).map((id) => join(films, `${id}.dcm`));
    const result = await spineqc('check', '--json', ...files);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(files.length);
    for (const [i, v] of lines.entries()) {
      expect(v.file).toBe(files[i]);
      expect(['ap', 'lateral', 'oblique']).toContain(v.view);
      expect(typeof v.qualified).toBe('boolean');
      expect(v.modelVersion).toMatch(/^spineqc-seg@\d+\.\d+\.\d+/);
      expect(v.rulesVersion).toMatch(/^\d+\.\d+\.\d+\+/);
      expect(v.confidence).toBeGreaterThanOrEqual(0);
      expect(v.confidence).toBeLessThanOrEqual(1);
      expect(Object.keys(v.timingsMs)).toEqual([
        'decode',
        'preprocess',
        'inference',
        'postprocess',
        'rules',
        'total',
      ]);
      expect(v.pixelSpacing.source).toBe('file');
      if (!v.notAssessable) {
        expect(v.criteria.length).toBeGreaterThan(0);
        for (const c of v.criteria)
          expect(c).toMatchObject({ id: expect.any(String), message: expect.any(String) });
        for (const b of v.vertebrae) expect(b.bbox.x + b.bbox.width).toBeLessThanOrEqual(v.image.width);
      }
    }
  });

  it('takes the view from DICOM when the image agrees, and says so', async () => {
    const [id] = await ids();
    const truth = JSON.parse(await readFile(join(films, `${id}.truth.json`), 'utf8'));
    const result = await spineqc('check', '--json', join(films, `${id}.dcm`));
    const v = JSON.parse(result.stdout);
    expect(v.view).toBe(truth.view);
    expect(v.viewSource).toBe('dicom');
  });

  it('writes masks and the level map at the input size with --masks', async () => {
    const [id] = await ids();
    const out = join(dir, 'masks');
    const png = join(films, `${id}.png`);
    const result = await spineqc('check', '--masks', out, png);
    expect(result.code).toBe(0);
    const input = decodePng(await readFile(png));
    for (const name of [...STRUCTURES, 'levels']) {
      const mask = decodePng(await readFile(join(out, `${id}.${name}.png`)));
      expect([mask.width, mask.height]).toEqual([input.width, input.height]);
    }
    const levels = decodePng(await readFile(join(out, `${id}.levels.png`)));
    const top = Array.from(levels.data).reduce((m, v) => Math.max(m, v), 0);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThanOrEqual(12);
  });

  it('keeps going past a bad file, reports it, and exits 1', async () => {
    const [id] = await ids();
    const junk = join(dir, 'notes.txt');
    await writeFile(junk, 'not an image');
    const result = await spineqc('check', '--json', junk, join(films, `${id}.png`));
    expect(result.code).toBe(1);
    const [bad, good] = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(bad).toMatchObject({ file: junk, error: { code: 'NOT_AN_IMAGE' } });
    expect(good.file).toBe(join(films, `${id}.png`));
  });

  it('abstains on a blank detector instead of inventing a verdict', async () => {
    const blank = join(dir, 'blank.png');
    await writeFile(blank, encodePng16(new Uint16Array(300 * 400).fill(1200), 300, 400));
    const v = JSON.parse((await spineqc('check', '--json', blank)).stdout);
    expect(v).toMatchObject({ qualified: false, notAssessable: true, confidence: 0 });
    expect(v.reason).toMatch(/uniform/);
  });

  it('fails clearly at startup when the model is missing or damaged', async () => {
    const [id] = await ids();
    const missing = await spineqc('check', '--model', join(dir, 'none.onnx'), join(films, `${id}.png`));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*none\.(onnx|json)/);
    const damaged = join(dir, 'damaged.onnx');
    const model = new URL('../../../models/spineqc-seg.onnx', import.meta.url).pathname;
    await writeFile(damaged, (await readFile(model)).subarray(0, 50_000));
    await copyFile(model.replace(/\.onnx$/, '.json'), damaged.replace(/\.onnx$/, '.json'));
    const broken = await spineqc('check', '--model', damaged, join(films, `${id}.png`));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/checksum .* does not match/);
  });
});

describe('spineqc eval (model)', () => {
  it("prints the paper's Tables 2 and 3 for the model", async () => {
    const result = await spineqc('eval', films, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.mode).toBe('model');
    expect(report.modelVersion).toMatch(/^spineqc-seg@/);
    const views = new Set(report.confusion.map((c: { view: string }) => c.view));
    expect(views).toEqual(new Set(['ap', 'lateral', 'oblique']));
    for (const row of report.dice) {
      expect(row.mean).toBeGreaterThanOrEqual(0);
      expect(row.mean).toBeLessThanOrEqual(1);
    }
    expect(report.dice.filter((r: { structure: string }) => r.structure === 'mean')).toHaveLength(3);
    const text = await spineqc('eval', films);
    expect(text.stdout).toMatch(/Dice/);
    expect(text.stdout).toMatch(/sensitivity/);
  });
});
