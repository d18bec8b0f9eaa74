import { Worker } from 'node:worker_threads';
import { BenchPipelineError } from './bench-pipeline-error.js';
import type { StoreOrder, StoreReport } from './store-messages.js';

export interface StoreTarget {
  host: string;
  port: number;
  calledAeTitle: string;
}

/** When the C-STORE began and when its response arrived at this SCU (epoch ms). */
export interface StoreReceipt {
  startedAt: number;
  completedAt: number;
}

const CALLING_AE_TITLE = 'SPINEQC-BENCH';

/** Sends films over DICOM C-STORE from a worker thread (see scu-worker.ts); several may be in flight. */
export class StoreSender {
  readonly #worker = new Worker(new URL('./scu-worker.js', import.meta.url));
  readonly #pending = new Map<number, { resolve(r: StoreReceipt): void; reject(e: Error): void }>();
  #nextId = 1;

  constructor(private readonly target: StoreTarget) {
    this.#worker.on('message', (report: StoreReport) => {
      const waiting = this.#pending.get(report.id);
      this.#pending.delete(report.id);
      if (!waiting) return;
      if (report.ok) waiting.resolve({ startedAt: report.startedAt, completedAt: report.completedAt });
      else waiting.reject(new BenchPipelineError('STORE_FAILED', `C-STORE failed: ${report.message}`));
    });
    this.#worker.on('error', (error) => this.#rejectAll(error));
    this.#worker.on('exit', () => this.#rejectAll(new Error('the C-STORE thread stopped')));
  }

  /** Stores one Part 10 file; `bytes` is handed over to the sending thread (do not reuse it). */
  store(bytes: Uint8Array): Promise<StoreReceipt> {
    const id = this.#nextId++;
    const order: StoreOrder = {
      id,
      bytes,
      host: this.target.host,
      port: this.target.port,
      callingAeTitle: CALLING_AE_TITLE,
      calledAeTitle: this.target.calledAeTitle,
    };
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage(order, whole ? [bytes.buffer as ArrayBuffer] : []);
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }

  #rejectAll(error: Error) {
    for (const waiting of this.#pending.values()) waiting.reject(error);
    this.#pending.clear();
  }
}
