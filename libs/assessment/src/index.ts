export {
  assessFile,
  assessRadiograph,
  NOT_LUMBAR_THRESHOLD,
  type Assessment,
  type AssessOptions,
  type Timings,
} from './assess.js';
export {
  decideView,
  viewFromViewPosition,
  CONSISTENT_VIEW_PROBABILITY,
  type ViewDecision,
  type ViewSource,
} from './view-source.js';
export {
  decideSpacing,
  medianLumbarBodyHeight,
  TYPICAL_LUMBAR_BODY_HEIGHT_MM,
  type SpacingDecision,
} from './pixel-spacing.js';
export { reviewThumbnail, THUMBNAIL_MAX_HEIGHT } from './review-render.js';
