import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ort from 'onnxruntime-node';
import { SegmentationError } from './errors.js';
import { parseManifest, type ModelManifest } from './manifest.js';

/** Probabilities for one image, at the canvas size the model was run on. */
export interface ModelOutputs {
  height: number;
  width: number;
  /** structures × height × width, sigmoid probabilities. */
  structures: Float32Array;
  /** levelClasses × height × width, softmax over background, T6 … L5. */
  levels: Float32Array;
  /** Softmax over VIEW_CLASSES. */
  view: Float32Array;
}

/** The ONNX runtime behind one interface, so tests and other runtimes can stand in. */
export interface SegmentationRuntime {
  readonly manifest: ModelManifest;
  /** The execution provider actually in use. */
  readonly provider: ExecutionProvider;
  run(input: Float32Array, height: number, width: number): Promise<ModelOutputs>;
  close(): Promise<void>;
}

export type ExecutionProvider = 'cpu' | 'cuda';

export interface RuntimeOptions {
  modelPath: string;
  /** Side file with the contract; defaults to the model path with .json. */
  manifestPath?: string;
  provider?: ExecutionProvider;
  /** Intra-op threads (default 2: the 2-core deployment target). */
  threads?: number;
  warn?: (message: string) => void;
}

export async function createOnnxRuntime(options: RuntimeOptions): Promise<SegmentationRuntime> {
  const manifestPath = options.manifestPath ?? options.modelPath.replace(/\.onnx$/, '') + '.json';
  const [model, manifestText] = await Promise.all([
    readModelFile(options.modelPath),
    readModelFile(manifestPath),
  ]);
  const manifest = parseManifest(manifestText.toString('utf8'), manifestPath);
  const digest = createHash('sha256').update(model).digest('hex');
  if (digest !== manifest.sha256)
    throw new SegmentationError(
      'MODEL_CORRUPT',
      `${options.modelPath}: checksum ${digest.slice(0, 12)}… does not match its manifest (${manifest.sha256.slice(0, 12)}…); the file is damaged or belongs to another version`,
    );
  const requested = options.provider ?? 'cpu';
  const threads = options.threads ?? 2;
  let provider: ExecutionProvider = requested;
  let session: ort.InferenceSession;
  try {
    session = await createSession(model, requested, threads);
  } catch (error) {
    if (requested === 'cpu') throw corrupt(options.modelPath, error);
    options.warn?.(
      `CUDA execution provider unavailable (${firstLine(error)}); running the model on the CPU instead`,
    );
    provider = 'cpu';
    try {
      session = await createSession(model, 'cpu', threads);
    } catch (cpuError) {
      throw corrupt(options.modelPath, cpuError);
    }
  }
  const contractProblem = ioProblem(session);
  if (contractProblem) {
    await session.release();
    throw new SegmentationError('MODEL_CONTRACT', `${options.modelPath}: ${contractProblem}`);
  }
  return {
    manifest,
    provider,
    async run(input, height, width) {
      let outputs: ort.InferenceSession.OnnxValueMapType;
      try {
        // Inside the try: a tensor of the wrong size throws here, and is an inference failure too.
        outputs = await session.run({
          [INPUT_NAME]: new ort.Tensor('float32', input, [1, 1, height, width]),
        });
      } catch (error) {
        throw new SegmentationError('INFERENCE_FAILED', `model run failed: ${firstLine(error)}`);
      }
      return {
        height,
        width,
        structures: outputs.structures.data as Float32Array,
        levels: outputs.levels.data as Float32Array,
        view: outputs.view.data as Float32Array,
      };
    },
    close: () => session.release(),
  };
}

const INPUT_NAME = 'image';
const OUTPUT_NAMES = ['structures', 'levels', 'view'];

/** Names the model's inputs/outputs must carry; a model exported otherwise would fail only at its first run. */
function ioProblem(session: ort.InferenceSession): string | undefined {
  const missing = OUTPUT_NAMES.filter((name) => !session.outputNames.includes(name));
  if (session.inputNames.length !== 1 || session.inputNames[0] !== INPUT_NAME || missing.length)
    return `the model must take [${INPUT_NAME}] and give [${OUTPUT_NAMES.join(', ')}], it takes [${session.inputNames.join(', ')}] and gives [${session.outputNames.join(', ')}]`;
  return undefined;
}

async function createSession(model: Buffer, provider: ExecutionProvider, threads: number) {
  return ort.InferenceSession.create(model, {
    executionProviders: [provider],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
}

async function readModelFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new SegmentationError(
      'MODEL_MISSING',
      `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? firstLine(error)}); the model ships in models/ — check the model path setting`,
    );
  }
}

function corrupt(path: string, error: unknown): SegmentationError {
  return new SegmentationError('MODEL_CORRUPT', `${path}: not a loadable ONNX model (${firstLine(error)})`);
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}
