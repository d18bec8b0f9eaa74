import { Option } from 'commander';
import {
  BUNDLED_MODEL_PATH,
  createOnnxRuntime,
  Segmenter,
  type ExecutionProvider,
} from '@spineqc/segmentation';
import { parsePositiveInt } from '../errors.js';

/** The model shipped in the repository's models/ folder. */
export const DEFAULT_MODEL_PATH = BUNDLED_MODEL_PATH;

export interface ModelFlags {
  model: string;
  provider: ExecutionProvider;
  threads: number;
}

export function modelOptions(): Option[] {
  return [
    new Option('--model <file>', 'segmentation model (ONNX; its manifest <file>.json beside it)').default(
      DEFAULT_MODEL_PATH,
      'models/spineqc-seg.onnx',
    ),
    new Option('--provider <name>', 'execution provider; cuda falls back to cpu with a warning')
      .choices(['cpu', 'cuda'])
      .default('cpu'),
    new Option('--threads <n>', 'inference threads').argParser(parsePositiveInt('--threads')).default(2),
  ];
}

export function segmenterFor(flags: ModelFlags): Segmenter {
  return new Segmenter(() =>
    createOnnxRuntime({
      modelPath: flags.model,
      provider: flags.provider,
      threads: flags.threads,
      warn: (message) => process.stderr.write(`spineqc: warning: ${message}\n`),
    }),
  );
}
