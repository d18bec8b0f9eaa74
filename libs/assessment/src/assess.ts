import { decodeRadiograph, type Radiograph } from '@spineqc/imaging';
import { evaluate, notAssessableVerdict } from '@spineqc/qc-rules';
import {
  DEFAULT_THRESHOLDS,
  type BoundingBox,
  type ExposureTags,
  type QcThresholds,
  type Verdict,
  type View,
} from '@spineqc/qc-standard';
import type { Segmentation, Segmenter } from '@spineqc/segmentation';
import { decideSpacing, type SpacingDecision } from './pixel-spacing.js';
import { decideView, type ViewDecision } from './view-source.js';

/** Above this probability of "not a lumbar spine radiograph" the pipeline abstains. */
export const NOT_LUMBAR_THRESHOLD = 0.5;

export interface AssessOptions {
  /** Judge as this view whatever the header or the image say. */
  view?: View;
  /** mm per pixel for files that carry none (PNG/JPEG). */
  pixelSpacingMm?: number;
  thresholds?: QcThresholds;
  /** Exposure indices for files that carry none (PNG/JPEG); DICOM tags win. */
  exposure?: ExposureTags;
}

export interface Timings {
  decode: number;
  preprocess: number;
  inference: number;
  postprocess: number;
  rules: number;
  total: number;
}

export interface Assessment {
  verdict: Verdict;
  view: ViewDecision;
  /** 0…1: the least certain of view, segmentation and levels (0 when abstaining on a non-lumbar image). */
  confidence: number;
  modelVersion: string;
  pixelSpacing: SpacingDecision;
  /** Vertebrae with bounding boxes in the input image's pixels. */
  vertebrae: { level: string; bbox: BoundingBox; counted: boolean }[];
  timingsMs: Timings;
  image: Pick<Radiograph, 'format' | 'width' | 'height'>;
  /** Needed to write masks at the input's size. */
  segmentation?: Segmentation;
  /** The decoded file, for overlays and metadata. */
  radiograph: Radiograph;
}

/** Decodes a file (DICOM, PNG, JPEG) and judges it. Throws ImagingError on unreadable files. */
export async function assessFile(bytes: Uint8Array, segmenter: Segmenter, options: AssessOptions = {}) {
  const t0 = performance.now();
  const radiograph = decodeRadiograph(bytes);
  const decode = performance.now() - t0;
  return assessRadiograph(radiograph, segmenter, options, decode);
}

export async function assessRadiograph(
  radiograph: Radiograph,
  segmenter: Segmenter,
  options: AssessOptions = {},
  decodeMs = 0,
): Promise<Assessment> {
  const start = performance.now() - decodeMs;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const manifest = await segmenter.manifest();
  const segmentation = await segmenter.segment(radiograph);
  const view = decideView(
    segmentation.viewProbabilities,
    segmentation.predictedView,
    radiograph.dicom?.viewPosition,
    options.view,
  );
  const spacing = decideSpacing(
    radiograph.pixelSpacingMm,
    options.pixelSpacingMm,
    segmentation.analysisScale,
    segmentation.masks,
  );
  const t0 = performance.now();
  const abstain = abstention(segmentation, radiograph);
  const verdict = abstain
    ? notAssessableVerdict(view.view, abstain, thresholds)
    : evaluate(
        {
          view: view.view,
          pixelSpacingMm: spacing.mm,
          masks: segmentation.masks,
          exposure: exposureOf(radiograph) ?? options.exposure,
        },
        thresholds,
      );
  const rules = performance.now() - t0;
  const [sy, sx] = segmentation.analysisScale;
  const { certainty } = segmentation;
  return {
    verdict,
    view,
    confidence: abstain
      ? 0
      : Math.min(
          1 - segmentation.notLumbarProbability,
          certainty.view,
          certainty.segmentation,
          certainty.levels,
        ),
    modelVersion: `${manifest.name}@${manifest.version}`,
    pixelSpacing: spacing,
    vertebrae: verdict.vertebrae.map((v) => ({
      level: v.level,
      counted: v.counted,
      bbox: scaleBox(v.bbox, sx, sy),
    })),
    timingsMs: {
      decode: decodeMs,
      ...segmentation.timingsMs,
      rules,
      total: performance.now() - start,
    },
    image: { format: radiograph.format, width: radiograph.width, height: radiograph.height },
    segmentation,
    radiograph,
  };
}

/**
 * A box from analysis to input pixels. Its edges are scaled, not its size: rounding x and width
 * apart can put the far edge one pixel past the image (x·s and w·s both ending in .5).
 */
function scaleBox(box: BoundingBox, sx: number, sy: number): BoundingBox {
  const x = Math.round(box.x * sx);
  const y = Math.round(box.y * sy);
  return {
    x,
    y,
    width: Math.round((box.x + box.width) * sx) - x,
    height: Math.round((box.y + box.height) * sy) - y,
  };
}

function abstention(segmentation: Segmentation, radiograph: Radiograph): string | undefined {
  if (segmentation.blank) return segmentation.blank;
  if (segmentation.notLumbarProbability > NOT_LUMBAR_THRESHOLD) {
    const bodyPart = radiograph.dicom?.bodyPartExamined;
    return (
      `not a lumbar spine radiograph (model: ${Math.round(segmentation.notLumbarProbability * 100)} % not lumbar` +
      `${bodyPart ? `; BodyPartExamined ${bodyPart}` : ''})`
    );
  }
  return undefined;
}

function exposureOf(radiograph: Radiograph): ExposureTags | undefined {
  const d = radiograph.dicom;
  if (!d) return undefined;
  return {
    exposureIndex: d.exposureIndex,
    targetExposureIndex: d.targetExposureIndex,
    deviationIndex: d.deviationIndex,
  };
}
