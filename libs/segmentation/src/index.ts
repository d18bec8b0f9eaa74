export { SegmentationError, type SegmentationErrorCode } from './errors.js';
export { VIEW_CLASSES, parseManifest, type ModelManifest, type ViewClass } from './manifest.js';
export {
  createOnnxRuntime,
  type ExecutionProvider,
  type ModelOutputs,
  type RuntimeOptions,
  type SegmentationRuntime,
} from './runtime.js';
export {
  Segmenter,
  analysisSize,
  MAX_ANALYSIS_SIDE,
  type Certainty,
  type GreyInput,
  type Segmentation,
} from './segmenter.js';
export { toModelInput, placementFor, type ModelInput, type Placement } from './preprocess.js';
export { BUNDLED_MODEL_PATH } from './bundled-model.js';
