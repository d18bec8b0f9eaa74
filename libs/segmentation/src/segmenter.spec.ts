import { fileURLToPath } from 'node:url';
import { LEVELS, STRUCTURES, VIEWS } from '@spineqc/qc-standard';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SegmentationError } from './errors.js';
import { VIEW_CLASSES } from './manifest.js';
import { createOnnxRuntime, type SegmentationRuntime } from './runtime.js';
import { MAX_ANALYSIS_SIDE, Segmenter, analysisSize, type GreyInput } from './segmenter.js';

const MODEL_PATH = fileURLToPath(new URL('../../../models/spineqc-seg.onnx', import.meta.url));

/** The real runtime behind a counter of how often the Segmenter asks for one. */
function countingFactory(failFirst = 0) {
  const counter = { calls: 0 };
  const create = async (): Promise<SegmentationRuntime> => {
    counter.calls++;
    if (counter.calls <= failFirst) return createOnnxRuntime({ modelPath: `${MODEL_PATH}.missing` });
    return createOnnxRuntime({ modelPath: MODEL_PATH });
  };
  return { counter, create };
}

/** A spine-like grey image: a bright column of blocks on a darker, smooth background. */
function syntheticFilm(width: number, height: number): GreyInput {
  const pixels = new Uint16Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const inColumn = Math.abs(x - width / 2) < width / 8;
      const inBlock = y % Math.round(height / 8) > height / 40;
      pixels[y * width + x] =
        800 + Math.round(400 * Math.sin(x / 23) ** 2) + (inColumn && inBlock ? 1800 : 0);
    }
  return { width, height, pixels };
}

describe('analysisSize', () => {
  it('keeps images up to the maximum and shrinks larger ones keeping the aspect ratio', () => {
    const m = MAX_ANALYSIS_SIDE;
    expect(analysisSize(m - 41, m - 1)).toEqual([m - 41, m - 1]);
    expect(analysisSize(m, 10)).toEqual([m, 10]);
    expect(analysisSize(2 * m, 4 * m)).toEqual([m / 2, m]);
    expect(analysisSize(3 * m, 1)).toEqual([m, 1]);
  });
});

describe('Segmenter loading', () => {
  it('creates the runtime once even when the first calls come at the same time', async () => {
    const { counter, create } = countingFactory();
    const segmenter = new Segmenter(create);
    const film = syntheticFilm(120, 200);
    const [a, b, manifest, runtime] = await Promise.all([
      segmenter.segment(film),
      segmenter.segment(film),
      segmenter.manifest(),
      segmenter.load(),
    ]);
    expect(counter.calls).toBe(1);
    expect(manifest).toBe(runtime.manifest);
    expect(a.viewProbabilities).toEqual(b.viewProbabilities);
    await segmenter.segment(film);
    expect(counter.calls).toBe(1);
    await segmenter.close();
  });

  it('retries a failed load on the next call instead of caching the failure', async () => {
    const { counter, create } = countingFactory(1);
    const segmenter = new Segmenter(create);
    await expect(segmenter.load()).rejects.toMatchObject({ code: 'MODEL_MISSING' });
    const runtime = await segmenter.load();
    expect(runtime.provider).toBe('cpu');
    expect(counter.calls).toBe(2);
    await segmenter.close();
  });

  it('shares one failure among concurrent first calls', async () => {
    const { counter, create } = countingFactory(1);
    const segmenter = new Segmenter(create);
    const results = await Promise.allSettled([segmenter.load(), segmenter.manifest()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(counter.calls).toBe(1);
    await segmenter.close();
  });

  it('creates a fresh runtime after close', async () => {
    const { counter, create } = countingFactory();
    const segmenter = new Segmenter(create);
    await segmenter.load();
    await segmenter.close();
    await segmenter.load();
    expect(counter.calls).toBe(2);
    await segmenter.close();
  });
});

describe('Segmenter.segment with the real model', () => {
  let segmenter: Segmenter;

  beforeAll(() => {
    segmenter = new Segmenter(() => createOnnxRuntime({ modelPath: MODEL_PATH }));
  });
  afterAll(() => segmenter.close());

  it('returns masks and a level map at the analysis size, levels only inside bodies', async () => {
    const film = syntheticFilm(300, 480); // within MAX_ANALYSIS_SIDE: analysed at its own size
    const result = await segmenter.segment(film);
    expect(result.blank).toBeUndefined();
    expect(result.masks.width).toBe(300);
    expect(result.masks.height).toBe(480);
    expect(Object.keys(result.masks.masks).sort()).toEqual([...STRUCTURES].sort());
    for (const mask of Object.values(result.masks.masks)) {
      expect(mask).toHaveLength(300 * 480);
      expect(mask.every((v) => v === 0 || v === 1)).toBe(true);
    }
    const body = result.masks.masks['vertebral-body'];
    expect(
      result.masks.levels.every((code, i) => code <= LEVELS.length && (code === 0 || body[i] === 1)),
    ).toBe(true);
    expect(result.analysisScale).toEqual([1, 1]);
  });

  it('describes the view as probabilities and its certainties in 0…1', async () => {
    const result = await segmenter.segment(syntheticFilm(200, 300));
    expect(Object.keys(result.viewProbabilities)).toEqual([...VIEW_CLASSES]);
    const total = Object.values(result.viewProbabilities).reduce((s, p) => s + p, 0);
    expect(total).toBeCloseTo(1, 4);
    expect(VIEWS).toContain(result.predictedView);
    for (const view of VIEWS)
      expect(result.viewProbabilities[result.predictedView]).toBeGreaterThanOrEqual(
        result.viewProbabilities[view],
      );
    expect(result.notLumbarProbability).toBe(result.viewProbabilities.other);
    for (const value of Object.values(result.certainty)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(result.bodies).toBeGreaterThanOrEqual(0);
    for (const ms of Object.values(result.timingsMs)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('analyses large images at a reduced size and can still give masks at the input size', async () => {
    const film = syntheticFilm(1200, 2100);
    const result = await segmenter.segment(film);
    const [aw, ah] = analysisSize(1200, 2100);
    expect([result.masks.width, result.masks.height]).toEqual([aw, ah]);
    expect(result.analysisScale[0]).toBeCloseTo(2100 / ah, 10);
    expect(result.analysisScale[1]).toBeCloseTo(1200 / aw, 10);
    const full = result.masksAt(1200, 2100);
    expect([full.width, full.height]).toEqual([1200, 2100]);
    expect(full.levels).toHaveLength(1200 * 2100);
    expect(full.masks.pelvis).toHaveLength(1200 * 2100);
  });

  it('flags a uniform image as blank, with a reason', async () => {
    const uniform = { width: 200, height: 300, pixels: new Uint16Array(200 * 300).fill(2048) };
    const result = await segmenter.segment(uniform);
    expect(result.blank).toMatch(/uniform/);
  });

  it('flags an image that the DICOM window flattens as blank', async () => {
    const film = syntheticFilm(200, 300);
    const result = await segmenter.segment({ ...film, window: { centre: 100, width: 50 } });
    expect(result.blank).toMatch(/uniform/);
  });

  it('refuses images too small to be radiographs, or with the wrong pixel count, as BAD_IMAGE', async () => {
    const cases: GreyInput[] = [
      { width: 15, height: 300, pixels: new Uint16Array(15 * 300) },
      { width: 300, height: 8, pixels: new Uint16Array(300 * 8) },
      { width: 100, height: 100, pixels: new Uint16Array(100 * 99) },
    ];
    for (const image of cases) {
      const error = await segmenter.segment(image).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SegmentationError);
      expect((error as SegmentationError).code).toBe('BAD_IMAGE');
    }
  });
});
