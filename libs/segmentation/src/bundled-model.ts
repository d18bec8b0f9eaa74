import { fileURLToPath } from 'node:url';

/** The model shipped in the repository's models/ folder (this file is libs/segmentation/{src,dist}/…). */
export const BUNDLED_MODEL_PATH = fileURLToPath(new URL('../../../models/spineqc-seg.onnx', import.meta.url));
