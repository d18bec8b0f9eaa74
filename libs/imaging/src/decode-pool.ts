import { availableParallelism } from 'node:os';
import type { Radiograph } from './radiograph.js';
import { WorkerPool } from './worker-pool.js';

export interface DecodePoolOptions {
  /** Worker threads; default: one per core but one, at least one. */
  size?: number;
  /** A decode running longer is abandoned (DECODE_TIMEOUT) and its worker replaced; default 60 s. */
  timeoutMs?: number;
}

/** Decodes images on worker threads so that a server's event loop never decodes. */
export interface DecodePool {
  /**
   * `decodeRadiographAsync` on a worker: DICOM (every transfer syntax it reads), PNG or JPEG. Errors
   * are ImagingErrors with their codes; a crashed worker gives DECODER_CRASHED and is replaced.
   */
  decode(bytes: Uint8Array): Promise<Radiograph>;
  /** Finishes the decodes already asked for, then stops the workers. */
  close(): Promise<void>;
}

export function createDecodePool(options: DecodePoolOptions = {}): DecodePool {
  const pool = new WorkerPool<Uint8Array, Radiograph>(workerUrl(), {
    size: options.size ?? Math.max(1, availableParallelism() - 1),
    timeoutMs: options.timeoutMs ?? 60_000,
    label: 'decode',
    workerOptions: workerOptions(),
  });
  return {
    decode(bytes) {
      // A copy of exactly the bytes is moved to the worker: the caller keeps its own (to store it),
      // and a view into a larger buffer would otherwise clone all of that buffer.
      const copy = new Uint8Array(bytes);
      return pool.run(copy, [copy.buffer]);
    },
    close: () => pool.close(),
  };
}

/**
 * Compiled, the worker is decode-worker.js beside this file. Under vitest this file is the
 * TypeScript source, which Node cannot run by itself: the worker then loads the .ts source through
 * jiti's loader (vitest's own dependency).
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function workerUrl(): URL {
  return new URL(FROM_SOURCE ? './decode-worker.ts' : './decode-worker.js', import.meta.url);
}

function workerOptions(): { execArgv?: string[] } {
  return FROM_SOURCE ? { execArgv: ['--import', 'jiti/register'] } : {};
}
