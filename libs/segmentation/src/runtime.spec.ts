import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEVELS, STRUCTURES } from '@spineqc/qc-standard';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SegmentationError } from './errors.js';
import { VIEW_CLASSES } from './manifest.js';
import { createOnnxRuntime, type SegmentationRuntime } from './runtime.js';

const MODEL_PATH = fileURLToPath(new URL('../../../models/spineqc-seg.onnx', import.meta.url));
const MANIFEST_PATH = MODEL_PATH.replace(/\.onnx$/, '.json');

/** Whether onnxruntime-node here carries its CUDA provider library (the npm install skips it by default). */
function cudaProviderInstalled(): boolean {
  const binding = createRequire(import.meta.url).resolve('onnxruntime-node');
  const root = join(dirname(binding), '..', 'bin');
  const walk = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.includes('providers_cuda'),
    );
  return existsSync(root) && walk(root);
}

/** A copy of the model (possibly altered) beside a manifest whose sha256 says what `sha256Of` gives. */
function copyModel(dir: string, model: Uint8Array, sha256Of: Uint8Array = model): string {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Record<string, unknown>;
  manifest.sha256 = createHash('sha256').update(sha256Of).digest('hex');
  const path = join(dir, 'copy.onnx');
  writeFileSync(path, model);
  writeFileSync(join(dir, 'copy.json'), JSON.stringify(manifest));
  return path;
}

/** Protocol-buffer encoders: just enough to write a one-node ONNX model by hand. */
const varint = (n: number): number[] => (n < 128 ? [n] : [(n & 127) | 128, ...varint(Math.floor(n / 128))]);
const intField = (field: number, n: number) => [...varint(field * 8), ...varint(n)];
const bytesField = (field: number, payload: number[]) => [
  ...varint(field * 8 + 2),
  ...varint(payload.length),
  ...payload,
];
const stringField = (field: number, text: string) => bytesField(field, [...Buffer.from(text, 'utf8')]);

/** ValueInfoProto of a float tensor [batch, 1, height, width]. */
function imageValueInfo(name: string): number[] {
  const dims = ['batch', 1, 'height', 'width'].map((d) =>
    bytesField(1, typeof d === 'number' ? intField(1, d) : stringField(2, d)),
  );
  const tensorType = [...intField(1, 1 /* FLOAT */), ...bytesField(2, dims.flat())];
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensorType))];
}

/** A valid ONNX model (opset 13) that copies its input `from` to an output `to`. */
function identityModel(from: string, to: string): Uint8Array {
  const node = [...stringField(1, from), ...stringField(2, to), ...stringField(4, 'Identity')];
  const graph = [
    ...bytesField(1, node),
    ...stringField(2, 'identity'),
    ...bytesField(11, imageValueInfo(from)),
    ...bytesField(12, imageValueInfo(to)),
  ];
  return Uint8Array.from([...intField(1, 8), ...bytesField(8, intField(2, 13)), ...bytesField(7, graph)]);
}

async function rejection(promise: Promise<unknown>): Promise<SegmentationError> {
  try {
    await promise;
  } catch (error) {
    return error as SegmentationError;
  }
  throw new Error('expected a rejection');
}

describe('createOnnxRuntime with the shipped model', () => {
  let runtime: SegmentationRuntime;

  beforeAll(async () => {
    runtime = await createOnnxRuntime({ modelPath: MODEL_PATH });
  });
  afterAll(() => runtime?.close());

  it('loads on the CPU with the manifest beside the model', () => {
    expect(runtime.provider).toBe('cpu');
    expect(runtime.manifest.structures).toEqual([...STRUCTURES]);
    expect(runtime.manifest.sha256).toBe(createHash('sha256').update(readFileSync(MODEL_PATH)).digest('hex'));
  });

  it('returns probability tensors of the sizes the manifest describes', async () => {
    const [height, width] = runtime.manifest.canvas;
    const plane = height * width;
    const input = new Float32Array(plane);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) input[y * width + x] = 0.5 + 0.5 * Math.sin(x / 9) * Math.cos(y / 13);
    const out = await runtime.run(input, height, width);
    expect([out.height, out.width]).toEqual([height, width]);
    expect(out.structures).toHaveLength(STRUCTURES.length * plane);
    expect(out.levels).toHaveLength((LEVELS.length + 1) * plane);
    expect(out.view).toHaveLength(VIEW_CLASSES.length);

    const inUnitRange = (a: Float32Array) => a.every((v) => v >= 0 && v <= 1);
    expect(inUnitRange(out.structures)).toBe(true);
    expect(inUnitRange(out.levels)).toBe(true);
    expect(out.view.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
    // The level head is a softmax over background + levels at every pixel.
    for (const p of [0, Math.floor(plane / 2) + width / 2, plane - 1]) {
      let sum = 0;
      for (let k = 0; k <= LEVELS.length; k++) sum += out.levels[k * plane + p];
      expect(sum).toBeCloseTo(1, 4);
    }
  });

  it('reports a run with the wrong input size as INFERENCE_FAILED', async () => {
    const [height, width] = runtime.manifest.canvas;
    await expect(runtime.run(new Float32Array(10), height, width)).rejects.toMatchObject({
      code: 'INFERENCE_FAILED',
    });
  });
});

describe('createOnnxRuntime failures', () => {
  let dir: string;
  let model: Uint8Array;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'spineqc-runtime-'));
    model = readFileSync(MODEL_PATH);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the missing path as MODEL_MISSING', async () => {
    const missing = join(dir, 'nowhere', 'model.onnx');
    const error = await rejection(createOnnxRuntime({ modelPath: missing }));
    expect(error).toBeInstanceOf(SegmentationError);
    expect(error.code).toBe('MODEL_MISSING');
    expect(error.message).toContain(missing);
  });

  it('names a missing manifest as MODEL_MISSING too', async () => {
    const error = await rejection(
      createOnnxRuntime({ modelPath: MODEL_PATH, manifestPath: join(dir, 'none.json') }),
    );
    expect(error.code).toBe('MODEL_MISSING');
    expect(error.message).toContain(join(dir, 'none.json'));
  });

  it('calls a truncated model whose manifest matches it MODEL_CORRUPT (it cannot be loaded)', async () => {
    const truncated = model.subarray(0, Math.floor(model.length / 3));
    const path = copyModel(mkdtempSync(join(dir, 'truncated-')), truncated);
    const error = await rejection(createOnnxRuntime({ modelPath: path }));
    expect(error.code).toBe('MODEL_CORRUPT');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not a loadable ONNX model/);
  });

  it('calls a model that does not match the manifest checksum MODEL_CORRUPT, before loading it', async () => {
    const damaged = Uint8Array.from(model);
    damaged[damaged.length >> 1] ^= 0xff;
    const path = copyModel(mkdtempSync(join(dir, 'checksum-')), damaged, model);
    const error = await rejection(createOnnxRuntime({ modelPath: path }));
    expect(error.code).toBe('MODEL_CORRUPT');
    expect(error.message).toMatch(/checksum .* does not match its manifest/);
  });

  it('calls a damaged manifest MODEL_CORRUPT and a foreign one MODEL_CONTRACT', async () => {
    const sub = mkdtempSync(join(dir, 'manifest-'));
    writeFileSync(join(sub, 'bad.json'), '{"name": "spineqc-seg", ');
    writeFileSync(join(sub, 'foreign.json'), JSON.stringify({ name: 'other-model', version: '1.0.0' }));
    const bad = await rejection(
      createOnnxRuntime({ modelPath: MODEL_PATH, manifestPath: join(sub, 'bad.json') }),
    );
    expect(bad.code).toBe('MODEL_CORRUPT');
    const foreign = await rejection(
      createOnnxRuntime({ modelPath: MODEL_PATH, manifestPath: join(sub, 'foreign.json') }),
    );
    expect(foreign.code).toBe('MODEL_CONTRACT');
  });

  it('refuses a loadable model with other inputs or outputs as MODEL_CONTRACT, naming them', async () => {
    const path = copyModel(mkdtempSync(join(dir, 'identity-')), identityModel('image', 'mask'));
    const error = await rejection(createOnnxRuntime({ modelPath: path }));
    expect(error.code).toBe('MODEL_CONTRACT');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/give \[structures, levels, view\].*gives \[mask\]/);
  });

  it('loads a good copy from another folder with its own manifest', async () => {
    const path = copyModel(mkdtempSync(join(dir, 'good-')), model);
    const runtime = await createOnnxRuntime({ modelPath: path, threads: 1 });
    expect(runtime.provider).toBe('cpu');
    await runtime.close();
  });
});

describe('createOnnxRuntime with provider cuda', () => {
  it('falls back to the CPU with one warning where CUDA cannot be used', async () => {
    const warnings: string[] = [];
    const runtime = await createOnnxRuntime({
      modelPath: MODEL_PATH,
      provider: 'cuda',
      warn: (message) => warnings.push(message),
    });
    try {
      if (!cudaProviderInstalled()) {
        // The case on machines installed with onnxruntime-node-install=skip (.npmrc), CI included.
        expect(runtime.provider).toBe('cpu');
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(
          /^CUDA execution provider unavailable \(.+\); running the model on the CPU/,
        );
      } else if (runtime.provider === 'cuda') expect(warnings).toEqual([]);
      else expect(warnings).toHaveLength(1);
      const [height, width] = runtime.manifest.canvas;
      const out = await runtime.run(new Float32Array(height * width), height, width);
      expect(out.view).toHaveLength(VIEW_CLASSES.length);
    } finally {
      await runtime.close();
    }
  });
});
