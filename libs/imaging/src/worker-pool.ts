import { Worker, type WorkerOptions } from 'node:worker_threads';
import { ImagingError } from './errors.js';
import { rebuildError, type ReadyMessage, type ReplyMessage, type TaskMessage } from './worker-messages.js';

export interface WorkerPoolOptions {
  /** Number of worker threads. */
  size: number;
  /** A task running longer is abandoned: its worker is terminated and replaced. */
  timeoutMs: number;
  /** Names the work in error messages, e.g. 'decode'. */
  label: string;
  workerOptions?: WorkerOptions;
}

interface Task<Request, Result> {
  id: number;
  request: Request;
  transfer: ArrayBuffer[];
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

interface Slot<Request, Result> {
  /** Undefined after a worker that never started died: the next task starts a new one. */
  worker?: Worker;
  /** Whether the worker has loaded its module: a task's time runs from then, not from its start-up. */
  ready?: boolean;
  task?: Task<Request, Result>;
  timer?: NodeJS.Timeout;
}

/**
 * Runs tasks on a fixed number of worker threads speaking the worker-messages protocol, one task per
 * worker at a time, in submission order. A worker that dies or overruns the timeout fails its task
 * (DECODER_CRASHED / DECODE_TIMEOUT) and is replaced; the others carry on.
 */
export class WorkerPool<Request, Result> {
  private readonly slots: Slot<Request, Result>[];
  private readonly queue: Task<Request, Result>[] = [];
  private nextId = 1;
  private closing: Promise<void> | undefined;
  private drained: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly url: URL,
    private readonly options: WorkerPoolOptions,
  ) {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new RangeError(`A worker pool needs a whole number of workers ≥ 1, got ${options.size}`);
    }
    this.slots = Array.from({ length: options.size }, () => ({}));
    for (const slot of this.slots) this.start(slot);
  }

  run(request: Request, transfer: ArrayBuffer[] = []): Promise<Result> {
    if (this.closing) {
      return Promise.reject(new ImagingError('POOL_CLOSED', `The ${this.options.label} pool is closed`));
    }
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, request, transfer, resolve, reject });
      this.pump();
    });
  }

  /** Lets every submitted task finish, then stops the workers; later `run` calls are refused. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.drained = resolve;
      this.checkDrained();
    }).then(async () => {
      this.stopped = true;
      await Promise.all(this.slots.map((slot) => slot.worker?.terminate()));
    });
    return this.closing;
  }

  private start(slot: Slot<Request, Result>): Worker {
    const worker = new Worker(this.url, this.options.workerOptions);
    slot.worker = worker;
    slot.ready = false;
    // An idle pool must not keep the process alive; a worker is ref'd while it works.
    worker.unref();
    let lastError: Error | undefined;
    worker.on('error', (error) => (lastError = error));
    worker.on('message', (reply: ReplyMessage<Result> | ReadyMessage) => {
      if ('ready' in reply) {
        if (slot.worker !== worker) return;
        slot.ready = true;
        if (slot.task) this.startClock(slot, slot.task);
        return;
      }
      const task = slot.task;
      if (slot.worker !== worker || !task || reply.id !== task.id) return;
      this.release(slot);
      if (reply.ok) task.resolve(reply.result);
      else task.reject(rebuildError(reply.error));
      this.pump();
    });
    worker.on('exit', (exitCode) => {
      if (slot.worker !== worker || this.stopped) return;
      const task = slot.task;
      const wasReady = slot.ready;
      this.release(slot);
      slot.worker = undefined;
      // A worker that never got ready would fail again at once: start the next one only when needed.
      if (wasReady) this.start(slot);
      if (task) {
        const why = lastError ? `: ${lastError.message}` : ` with exit code ${exitCode}`;
        task.reject(new ImagingError('DECODER_CRASHED', `The ${this.options.label} worker died${why}`));
      }
      this.pump();
    });
    return worker;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.queue.shift();
      if (!task) break;
      const worker = slot.worker ?? this.start(slot);
      slot.task = task;
      worker.ref();
      if (slot.ready) this.startClock(slot, task);
      const message: TaskMessage<Request> = { id: task.id, request: task.request };
      worker.postMessage(message, task.transfer);
    }
    this.checkDrained();
  }

  private startClock(slot: Slot<Request, Result>, task: Task<Request, Result>): void {
    slot.timer = setTimeout(() => this.overrun(slot, task), this.options.timeoutMs);
  }

  private overrun(slot: Slot<Request, Result>, task: Task<Request, Result>): void {
    if (slot.task !== task) return;
    const stuck = slot.worker;
    this.release(slot);
    this.start(slot);
    void stuck?.terminate();
    task.reject(
      new ImagingError(
        'DECODE_TIMEOUT',
        `The ${this.options.label} took longer than ${this.options.timeoutMs} ms and was abandoned`,
      ),
    );
    this.pump();
  }

  private release(slot: Slot<Request, Result>): void {
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    slot.worker?.unref();
  }

  private checkDrained(): void {
    if (this.drained && this.queue.length === 0 && this.slots.every((slot) => !slot.task)) this.drained();
  }
}
