import type { Level, Structure, View } from './anatomy.js';
import type { CriterionId, PassRange } from './criteria.js';

/** Binary masks (0/1 per pixel, row-major) for every structure plus the level map, all width × height. */
export interface MaskSet {
  width: number;
  height: number;
  masks: Record<Structure, Uint8Array>;
  /** Level code per pixel (see levelCode); 0 = no vertebral body. */
  levels: Uint8Array;
}

/** DICOM exposure indices (IEC 62494-1): EI (0018,1411), target EI (0018,1412), DI (0018,1413). */
export interface ExposureTags {
  exposureIndex?: number;
  targetExposureIndex?: number;
  deviationIndex?: number;
}

export interface RulesInput {
  view: View;
  /** [row spacing, column spacing] in mm at the detector (ImagerPixelSpacing). */
  pixelSpacingMm: readonly [number, number];
  masks: MaskSet;
  exposure?: ExposureTags;
}

export interface CriterionResult {
  id: CriterionId;
  label: string;
  /** null when the criterion could not be measured (e.g. no exposure index); it then does not fail the image. */
  passed: boolean | null;
  value: number | null;
  range: PassRange;
  unit: string;
  /** What was found, in words a radiographer understands. */
  message: string;
  /** What to change for the next exposure; absent when the criterion passed. */
  correction?: string;
}

export interface BoundingBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface VertebraFinding {
  level: Level;
  bbox: BoundingBox;
  /** Estimated fraction of the body's height inside the field (1 when not touching the edge). */
  visibleFraction: number;
  /** Whether the body counts toward "vertebrae in field". */
  counted: boolean;
}

export interface Verdict {
  view: View;
  /** True only when every measurable criterion passed and the image is assessable. */
  qualified: boolean;
  notAssessable: boolean;
  /** Why the image could not be assessed (present when notAssessable). */
  reason?: string;
  criteria: CriterionResult[];
  vertebrae: VertebraFinding[];
  rulesVersion: string;
}

export type { Structure };
