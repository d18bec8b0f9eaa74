import { levelCode, STRUCTURES, VIEWS, type MaskSet, type Structure, type View } from '@spineqc/qc-standard';
import { SegmentationError } from './errors.js';
import { findBodies } from './instances.js';
import { VIEW_CLASSES, type ModelManifest, type ViewClass } from './manifest.js';
import { toModelInput, type Placement } from './preprocess.js';
import type { ModelOutputs, SegmentationRuntime } from './runtime.js';
import { upsampleCodes, upsampleThreshold } from './upsample.js';

/** A radiograph as the decoder hands it over: bone bright, any bit depth. */
export interface GreyInput {
  width: number;
  height: number;
  pixels: ArrayLike<number>;
  /** VOI window of the file, in the same units as pixels; values outside are clipped first. */
  window?: { centre: number; width: number };
}

export interface Certainty {
  /** Probability of the view that was predicted (among AP/lateral/oblique). */
  view: number;
  /** Mean |2p − 1| over pixels where some structure is likely: 1 = crisp masks. */
  segmentation: number;
  /** Mean level-head probability of the assigned level, over the vertebral bodies. */
  levels: number;
}

export interface Segmentation {
  /** Masks and level map at the analysis size (the input's, or less for very large images). */
  masks: MaskSet;
  /** Input pixels per analysis pixel, [rows, columns]. */
  analysisScale: [number, number];
  predictedView: View;
  viewProbabilities: Record<ViewClass, number>;
  /** Probability that the image is not a lumbar spine radiograph at all. */
  notLumbarProbability: number;
  /** Set when the image carries no usable signal (a uniform frame), with why. */
  blank?: string;
  certainty: Certainty;
  bodies: number;
  timingsMs: { preprocess: number; inference: number; postprocess: number };
  /** Masks at another size (e.g. the input's own, for --masks), from the same probabilities. */
  masksAt(width: number, height: number): MaskSet;
}

/**
 * Analysis grids larger than this (longer side) are scaled down: the model sees ~1.7 mm pixels, so
 * finer grids add cost (upsampling, rules) but no information; on the phantom test set 512 and 1024
 * gave identical verdicts.
 */
export const MAX_ANALYSIS_SIDE = 512;

export function analysisSize(width: number, height: number): [number, number] {
  const scale = Math.min(1, MAX_ANALYSIS_SIDE / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

/** Segments radiographs with one model runtime; the runtime is created on first use, once. */
export class Segmenter {
  private runtime?: Promise<SegmentationRuntime>;

  constructor(private readonly createRuntime: () => Promise<SegmentationRuntime>) {}

  /**
   * Loads the model now (a service calls this at startup so a bad model stops the boot) and runs
   * it once on an empty canvas: onnxruntime plans and allocates on the first run, which would
   * otherwise make the first patient's verdict several times slower than the rest.
   */
  async load(): Promise<SegmentationRuntime> {
    this.runtime ??= this.createRuntime()
      .then(async (runtime) => {
        const [height, width] = runtime.manifest.canvas;
        await runtime.run(new Float32Array(height * width), height, width);
        return runtime;
      })
      .catch((error: unknown) => {
        this.runtime = undefined;
        throw error;
      });
    return this.runtime;
  }

  async manifest(): Promise<ModelManifest> {
    return (await this.load()).manifest;
  }

  async segment(image: GreyInput): Promise<Segmentation> {
    const runtime = await this.load();
    const { manifest } = runtime;
    if (image.width < 16 || image.height < 16 || image.pixels.length !== image.width * image.height)
      throw new SegmentationError(
        'BAD_IMAGE',
        `image ${image.width}×${image.height} with ${image.pixels.length} pixels is not a radiograph`,
      );
    const t0 = performance.now();
    const pixels = image.window ? clipToWindow(image.pixels, image.window) : image.pixels;
    const blank = blankReason(pixels);
    const [canvasH, canvasW] = manifest.canvas;
    const input = toModelInput(pixels, image.width, image.height, [canvasH, canvasW], manifest.normalisation);
    const t1 = performance.now();
    const outputs = await runtime.run(input.tensor, canvasH, canvasW);
    const t2 = performance.now();
    const post = postprocess(outputs, input.placement, image.width, image.height);
    const t3 = performance.now();
    return {
      ...post,
      blank,
      timingsMs: { preprocess: t1 - t0, inference: t2 - t1, postprocess: t3 - t2 },
    };
  }

  async close(): Promise<void> {
    if (this.runtime) await (await this.runtime).close();
    this.runtime = undefined;
  }
}

type Post = Omit<Segmentation, 'timingsMs' | 'blank'>;

function postprocess(outputs: ModelOutputs, placement: Placement, width: number, height: number): Post {
  const { structures, levels, view, width: canvasW, height: canvasH } = outputs;
  const plane = canvasW * canvasH;
  const bodyIndex = STRUCTURES.indexOf('vertebral-body');
  const bodyModel = new Uint8Array(plane);
  for (let i = 0; i < plane; i++) bodyModel[i] = structures[bodyIndex * plane + i] > 0.5 ? 1 : 0;
  const instances = findBodies(bodyModel, levels, canvasW, canvasH);

  const masksAt = (outW: number, outH: number): MaskSet => {
    const masks = {} as Record<Structure, Uint8Array>;
    STRUCTURES.forEach((structure, c) => {
      masks[structure] = upsampleThreshold(
        { data: structures, offset: c * plane, canvasWidth: canvasW, placement },
        outW,
        outH,
      );
    });
    const levelMap = upsampleCodes(instances.codes, canvasW, placement, masks['vertebral-body'], outW, outH);
    keepNearLevel(masks['l3-double-contour'], levelMap, outW, outH, levelCode('L3'));
    return { width: outW, height: outH, masks, levels: levelMap };
  };

  const [aw, ah] = analysisSize(width, height);
  const viewProbabilities = Object.fromEntries(VIEW_CLASSES.map((v, i) => [v, view[i]])) as Record<
    ViewClass,
    number
  >;
  const lumbarTotal = VIEWS.reduce((s, v) => s + viewProbabilities[v], 0);
  const predictedView = VIEWS.reduce((a, b) => (viewProbabilities[b] > viewProbabilities[a] ? b : a));
  return {
    masks: masksAt(aw, ah),
    analysisScale: [height / ah, width / aw],
    predictedView,
    viewProbabilities,
    notLumbarProbability: viewProbabilities.other,
    certainty: {
      view: viewProbabilities[predictedView] / Math.max(lumbarTotal, 1e-6),
      segmentation: segmentationCertainty(structures, STRUCTURES.length, plane),
      levels: instances.bodies.length
        ? instances.bodies.reduce((s, b) => s + b.levelConfidence * b.area, 0) /
          instances.bodies.reduce((s, b) => s + b.area, 0)
        : 0,
    },
    bodies: instances.bodies.length,
    masksAt,
  };
}

/** How far beyond the L3 body (fraction of its height) its endplates' double contour can reach. */
const DOUBLE_CONTOUR_MARGIN = 0.3;

/**
 * The double-contour structure is L3's by definition; at the model's resolution it sometimes also
 * marks the neighbours' endplates, which would inflate the L3 ratio. Keep only what lies within
 * the L3 body's box widened by DOUBLE_CONTOUR_MARGIN; leave the mask alone when L3 was not found.
 */
function keepNearLevel(
  mask: Uint8Array,
  levels: Uint8Array,
  width: number,
  height: number,
  code: number,
): void {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (levels[y * width + x] === code) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  if (x1 < 0) return;
  const margin = Math.round(DOUBLE_CONTOUR_MARGIN * (y1 - y0 + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (y < y0 - margin || y > y1 + margin || x < x0 - margin || x > x1 + margin) mask[y * width + x] = 0;
}

function segmentationCertainty(probs: Float32Array, channels: number, plane: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < plane; i++) {
    let p = 0;
    for (let c = 0; c < channels; c++) p = Math.max(p, probs[c * plane + i]);
    if (p < 0.2) continue;
    sum += Math.abs(2 * p - 1);
    count++;
  }
  return count ? sum / count : 0;
}

function clipToWindow(pixels: ArrayLike<number>, window: { centre: number; width: number }): Float32Array {
  const lo = window.centre - window.width / 2;
  const hi = window.centre + window.width / 2;
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(hi, Math.max(lo, pixels[i]));
  return out;
}

/** A frame with (almost) one grey value everywhere: an empty detector or a failed export. */
function blankReason(pixels: ArrayLike<number>): string | undefined {
  const step = Math.max(1, Math.floor(pixels.length / 65536));
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sum2 = 0;
  let n = 0;
  for (let i = 0; i < pixels.length; i += step) {
    const v = pixels[i];
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    sum2 += v * v;
    n++;
  }
  const sd = Math.sqrt(Math.max(0, sum2 / n - (sum / n) ** 2));
  if (max - min < 1e-9 || sd < 1e-3 * Math.max(1, Math.abs(max)))
    return `the image is uniform (grey values ${min}–${max}): an empty detector or a failed export, not a radiograph`;
  return undefined;
}
