import { LEVELS, STRUCTURES, VIEWS } from '@spineqc/qc-standard';
import { SegmentationError } from './errors.js';
import type { Normalisation } from './preprocess.js';

/** Classes of the view head: the three views, then "other" (not a lumbar spine radiograph). */
export const VIEW_CLASSES = [...VIEWS, 'other'] as const;
export type ViewClass = (typeof VIEW_CLASSES)[number];

/** The side file `<model>.json` written by ml/spineqc_ml/export.py. */
export interface ModelManifest {
  name: string;
  version: string;
  /** [height, width] of the training canvas; inference uses the same. */
  canvas: [number, number];
  stride: number;
  structures: string[];
  levels: string[];
  views: string[];
  normalisation: Normalisation;
  sha256: string;
  bytes: number;
}

/** x.y.z with an optional pre-release/build suffix; anchored so "1.2.3 junk" is refused. */
const SEMANTIC_VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/;

/** Parses the manifest and checks it describes the contract this build understands. */
export function parseManifest(text: string, source: string): ModelManifest {
  let raw: Partial<ModelManifest>;
  try {
    raw = JSON.parse(text) as Partial<ModelManifest>;
  } catch (error) {
    throw new SegmentationError('MODEL_CORRUPT', `${source}: not JSON (${(error as Error).message})`);
  }
  // `null`, a number or a list would otherwise fail below with a bare TypeError, naming nothing.
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new SegmentationError(
      'MODEL_CONTRACT',
      `${source}: must be a JSON object, got ${JSON.stringify(raw)}`,
    );
  const problems: string[] = [];
  const sameList = (key: keyof ModelManifest, expected: readonly string[]) => {
    const value = raw[key];
    if (!Array.isArray(value) || value.join() !== expected.join())
      problems.push(`${key} must be [${expected.join(', ')}], got ${JSON.stringify(value)}`);
  };
  if (typeof raw.name !== 'string') problems.push('name missing');
  if (typeof raw.version !== 'string' || !SEMANTIC_VERSION.test(raw.version))
    problems.push(`version must be semantic (x.y.z), got ${JSON.stringify(raw.version)}`);
  if (
    !Array.isArray(raw.canvas) ||
    raw.canvas.length !== 2 ||
    !raw.canvas.every((n) => Number.isInteger(n) && n > 0)
  )
    problems.push(`canvas must be [height, width], got ${JSON.stringify(raw.canvas)}`);
  if (!Number.isInteger(raw.stride)) problems.push('stride missing');
  sameList('structures', STRUCTURES);
  sameList('levels', LEVELS);
  sameList('views', VIEW_CLASSES);
  const norm = raw.normalisation;
  if (
    !norm ||
    !(norm.lowPercentile >= 0 && norm.highPercentile <= 1 && norm.lowPercentile < norm.highPercentile)
  )
    problems.push(`normalisation must give 0 ≤ lowPercentile < highPercentile ≤ 1`);
  if (typeof raw.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(raw.sha256)) problems.push('sha256 missing');
  if (problems.length) throw new SegmentationError('MODEL_CONTRACT', `${source}: ${problems.join('; ')}`);
  return raw as ModelManifest;
}
