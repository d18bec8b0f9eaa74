import { renderReviewOverlay } from '@spineqc/imaging';
import { structuresToHighlight } from '@spineqc/qc-standard';
import type { Assessment } from './assess.js';

export const THUMBNAIL_MAX_HEIGHT = 320;

/**
 * A PNG of the film with its segmentation over it, the structures of the failed criteria
 * emphasised; masks come from the model's probabilities at the output size (smooth edges).
 */
export function reviewThumbnail(a: Assessment, maxHeight = THUMBNAIL_MAX_HEIGHT): Uint8Array {
  const failed = a.verdict.criteria.filter((c) => c.passed === false).map((c) => c.id);
  return renderReviewOverlay(
    a.radiograph,
    (width, height) => a.segmentation?.masksAt(width, height) ?? null,
    structuresToHighlight(failed),
    maxHeight,
  );
}
