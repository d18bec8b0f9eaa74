import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ImagingError,
  decodeRadiograph,
  encodePng16,
  encodePng8,
  newUid,
  writeDxDicom,
  type DxImage,
  type Radiograph,
} from '@spineqc/imaging';
import { LEVELS, STRUCTURES, VIEWS, levelCode, type Level } from '@spineqc/qc-standard';
import {
  Segmenter,
  createOnnxRuntime,
  parseManifest,
  type ModelOutputs,
  type SegmentationRuntime,
} from '@spineqc/segmentation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_LUMBAR_THRESHOLD, assessFile, assessRadiograph, type Assessment } from './assess.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MODEL_PATH = join(REPO_ROOT, 'models', 'spineqc-seg.onnx');
const MANIFEST = parseManifest(
  readFileSync(join(REPO_ROOT, 'models', 'spineqc-seg.json'), 'utf8'),
  'manifest',
);

function expectBoxesInside(assessment: Assessment): void {
  const { width, height } = assessment.image;
  for (const { bbox } of assessment.vertebrae) {
    expect(bbox.x).toBeGreaterThanOrEqual(0);
    expect(bbox.y).toBeGreaterThanOrEqual(0);
    expect(bbox.width).toBeGreaterThan(0);
    expect(bbox.height).toBeGreaterThan(0);
    expect(bbox.x + bbox.width).toBeLessThanOrEqual(width);
    expect(bbox.y + bbox.height).toBeLessThanOrEqual(height);
  }
}

function expectTimings(assessment: Assessment): void {
  const t = assessment.timingsMs;
  for (const ms of Object.values(t)) expect(ms).toBeGreaterThanOrEqual(0);
  expect(t.total).toBeGreaterThanOrEqual(t.inference + t.rules);
}

/** Seeded noise (a linear congruential generator): the same pixels on every run. */
function noise(count: number, max: number, seed = 8): Uint16Array {
  let state = seed;
  return Uint16Array.from({ length: count }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return Math.floor((state / 2 ** 32) * (max + 1));
  });
}

/**
 * A stand-in for the model (the runtime interface exists so one can stand in): two vertebral
 * bodies the head calls L4 and L5, sharp-edged, reaching the right border of the content, with
 * the given view probabilities. Deterministic, so the pipeline around the model can be pinned down.
 */
function scriptedRuntime(view: [number, number, number, number]): SegmentationRuntime {
  const [height, width] = MANIFEST.canvas;
  const plane = height * width;
  const bodies: [Level, number, number][] = [
    ['L4', Math.round(height * 0.16), Math.round(height * 0.35)],
    ['L5', Math.round(height * 0.39), Math.round(height * 0.58)],
  ];
  const left = Math.round(width / 24);
  const structures = new Float32Array(STRUCTURES.length * plane);
  const levels = new Float32Array((LEVELS.length + 1) * plane);
  levels.fill(1, 0, plane);
  const bodyChannel = STRUCTURES.indexOf('vertebral-body') * plane;
  for (const [level, top, bottom] of bodies)
    for (let y = top; y <= bottom; y++)
      for (let x = left; x < width; x++) {
        const p = y * width + x;
        structures[bodyChannel + p] = 1;
        levels[p] = 0;
        levels[levelCode(level) * plane + p] = 1;
      }
  return {
    manifest: MANIFEST,
    provider: 'cpu',
    run: async (): Promise<ModelOutputs> => ({
      height,
      width,
      structures,
      levels,
      view: Float32Array.from(view),
    }),
    close: async () => undefined,
  };
}

/** A grey radiograph of the canvas's aspect ratio at a size that makes the analysis scale non-integer. */
function largeRadiograph(): Radiograph {
  const [canvasH, canvasW] = MANIFEST.canvas;
  const height = 2000;
  const width = Math.round((height * canvasW) / canvasH);
  return {
    format: 'png',
    width,
    height,
    pixels: noise(width * height, 4095),
    bitDepth: 12,
    pixelSpacingMm: null,
  };
}

describe('assessRadiograph around a scripted model', () => {
  const lateral = (): Segmenter => new Segmenter(async () => scriptedRuntime([0.03, 0.9, 0.06, 0.01]));

  it('judges the scripted bodies, with boxes scaled back to the input and inside it', async () => {
    const radiograph = largeRadiograph();
    const assessment = await assessRadiograph(radiograph, lateral(), { pixelSpacingMm: 0.15 });
    expect(assessment.verdict.notAssessable).toBe(false);
    expect(assessment.vertebrae.map((v) => v.level)).toEqual(['L4', 'L5']);
    // The bodies reach the right border: scaled edges must not round past it.
    const right = assessment.vertebrae.map((v) => v.bbox.x + v.bbox.width);
    expect(right).toEqual([radiograph.width, radiograph.width]);
    expectBoxesInside(assessment);
    expect(assessment.view).toEqual({ view: 'lateral', source: 'model', predicted: 'lateral' });
    const [sy, sx] = assessment.segmentation!.analysisScale;
    expect(assessment.pixelSpacing.source).toBe('user');
    expect(assessment.pixelSpacing.mm[0]).toBeCloseTo(0.15 * sy, 12);
    expect(assessment.pixelSpacing.mm[1]).toBeCloseTo(0.15 * sx, 12);
  });

  it('takes the confidence as the least certain of the signals', async () => {
    const assessment = await assessRadiograph(largeRadiograph(), lateral());
    const { certainty, notLumbarProbability } = assessment.segmentation!;
    expect(assessment.confidence).toBe(
      Math.min(1 - notLumbarProbability, certainty.view, certainty.segmentation, certainty.levels),
    );
    expect(assessment.confidence).toBeGreaterThan(0);
    expect(assessment.confidence).toBeLessThanOrEqual(1);
  });

  it("abstains when the model finds the image not lumbar, quoting the DICOM's body part", async () => {
    const segmenter = new Segmenter(async () => scriptedRuntime([0.1, 0.1, 0.1, 0.7]));
    expect(0.7).toBeGreaterThan(NOT_LUMBAR_THRESHOLD);
    const dicom = decodeRadiograph(writeDxDicom(dxFilm({ viewPosition: 'AP', bodyPartExamined: 'CHEST' })));
    const assessment = await assessRadiograph(dicom, segmenter);
    expect(assessment.verdict).toMatchObject({
      notAssessable: true,
      qualified: false,
      reason: 'not a lumbar spine radiograph (model: 70 % not lumbar; BodyPartExamined CHEST)',
      criteria: [],
      vertebrae: [],
    });
    expect(assessment.confidence).toBe(0);
    expect(assessment.vertebrae).toEqual([]);
  });

  it('passes the DICOM exposure indices to the rules', async () => {
    const bytes = writeDxDicom(
      dxFilm({ viewPosition: 'LL', exposureIndex: 250, targetExposureIndex: 400, deviationIndex: -2.04 }),
    );
    const assessment = await assessFile(bytes, lateral(), { pixelSpacingMm: 0.5 });
    const exposure = assessment.verdict.criteria.find((c) => c.id === 'exposure');
    expect(exposure?.value).toBeCloseTo(-2.04, 6);
    expect(assessment.view.source).toBe('dicom');
    // The file's own spacing stands; the user's is for files without one.
    expect(assessment.pixelSpacing.source).toBe('file');
  });
});

/** A DX film of largeRadiograph() with the attributes a DR device writes; the test names what matters. */
function dxFilm(overrides: Partial<DxImage>): DxImage {
  const { width, height, pixels } = largeRadiograph();
  return {
    width,
    height,
    pixels,
    bitsStored: 12,
    pixelSpacingMm: [0.15, 0.15],
    viewPosition: 'AP',
    bodyPartExamined: 'LSPINE',
    operatorsName: 'Jansen^Eva',
    stationName: 'DR-ROOM-2',
    patientId: 'PAT-0001',
    patientName: 'Phantom^Case^0001',
    studyInstanceUid: newUid(),
    seriesInstanceUid: newUid(),
    sopInstanceUid: newUid(),
    studyDate: '20240517',
    studyTime: '093012',
    ...overrides,
  };
}

describe('assessFile with the real model', () => {
  let dir: string;
  let segmenter: Segmenter;
  let ids: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'spineqc-assess-'));
    const cli = join(REPO_ROOT, 'apps', 'cli', 'bin', 'spineqc.mjs');
    const run = spawnSync(
      process.execPath,
      [cli, 'phantom', '--out', dir, '--count', '3', '--seed', '8', '--format', 'both'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`phantom generation failed (${run.status}): ${run.stderr}`);
    ids = readdirSync(dir)
      .filter((name) => name.endsWith('.truth.json'))
      .map((name) => name.slice(0, -'.truth.json'.length))
      .sort();
    segmenter = new Segmenter(() => createOnnxRuntime({ modelPath: MODEL_PATH }));
  }, 120_000); // three films on a busy 2-core machine can take longer than the default 10 s
  afterAll(async () => {
    await segmenter?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has phantom films of all three views to judge', () => {
    expect(ids).toHaveLength(3);
  });

  it('gives each DICOM film a verdict with versions, timings and boxes inside the image', async () => {
    for (const id of ids) {
      const bytes = readFileSync(join(dir, `${id}.dcm`));
      const assessment = await assessFile(bytes, segmenter);
      const { verdict } = assessment;
      expect(assessment.modelVersion).toBe(`${MANIFEST.name}@${MANIFEST.version}`);
      expect(verdict.rulesVersion).toMatch(/^\d+\.\d+\.\d+\+.+/);
      expect(verdict.view).toBe(assessment.view.view);
      expect(VIEWS).toContain(verdict.view);
      expect(typeof verdict.qualified).toBe('boolean');
      if (verdict.notAssessable) expect(verdict.reason).toBeTruthy();
      else expect(verdict.criteria.length).toBeGreaterThan(0);
      expect(assessment.image).toEqual({
        format: 'dicom',
        width: assessment.radiograph.width,
        height: assessment.radiograph.height,
      });
      expect(assessment.pixelSpacing.source).toBe('file');
      // The header states the view; the image either agrees or the contradiction is recorded.
      if (assessment.view.source === 'model')
        expect(assessment.view.contradiction).toMatch(/^DICOM ViewPosition/);
      else expect(assessment.view).toMatchObject({ source: 'dicom' });
      expect(assessment.confidence).toBeGreaterThanOrEqual(0);
      expect(assessment.confidence).toBeLessThanOrEqual(1);
      expectTimings(assessment);
      expectBoxesInside(assessment);
      expect(assessment.vertebrae.map((v) => v.level)).toEqual(verdict.vertebrae.map((v) => v.level));
    }
  });

  it('judges the PNG copy as the view asked for, with the spacing given or estimated', async () => {
    const bytes = readFileSync(join(dir, `${ids[0]}.png`));
    const asked = await assessFile(bytes, segmenter, { view: 'oblique', pixelSpacingMm: 0.4 });
    expect(asked.image.format).toBe('png');
    expect(asked.view).toMatchObject({ view: 'oblique', source: 'user' });
    expect(asked.verdict.view).toBe('oblique');
    // mm per analysis pixel: the given 0.4 mm times the input pixels each analysis pixel covers.
    const [sy, sx] = asked.segmentation!.analysisScale;
    expect(asked.pixelSpacing.source).toBe('user');
    expect(asked.pixelSpacing.mm[0]).toBeCloseTo(0.4 * sy, 9);
    expect(asked.pixelSpacing.mm[1]).toBeCloseTo(0.4 * sx, 9);
    expectBoxesInside(asked);

    const plain = await assessFile(bytes, segmenter);
    expect(plain.view.source).toBe('model');
    expect(plain.pixelSpacing.source).toBe('estimated');
    expect(plain.pixelSpacing.mm[0]).toBeGreaterThan(0);
    expectTimings(plain);
  });

  it('does not assess a uniform PNG, and says it is blank', async () => {
    const bytes = encodePng8(new Uint8Array(400 * 600).fill(128), 400, 600);
    const assessment = await assessFile(bytes, segmenter);
    expect(assessment.verdict.notAssessable).toBe(true);
    expect(assessment.verdict.qualified).toBe(false);
    expect(assessment.verdict.reason).toMatch(/uniform/);
    expect(assessment.confidence).toBe(0);
    expect(assessment.vertebrae).toEqual([]);
  });

  it('does not assess a pure-noise PNG: the model calls it not lumbar', async () => {
    const bytes = encodePng16(noise(400 * 600, 65535), 400, 600);
    const assessment = await assessFile(bytes, segmenter);
    expect(assessment.verdict.notAssessable).toBe(true);
    expect(assessment.verdict.reason).toMatch(/^not a lumbar spine radiograph \(model: \d+ % not lumbar\)$/);
    expect(assessment.segmentation!.notLumbarProbability).toBeGreaterThan(NOT_LUMBAR_THRESHOLD);
  });

  it('lets an unreadable file fail as an ImagingError', async () => {
    await expect(assessFile(new TextEncoder().encode('not an image'), segmenter)).rejects.toBeInstanceOf(
      ImagingError,
    );
  });
});
