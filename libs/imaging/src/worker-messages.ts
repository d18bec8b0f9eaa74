import { parentPort } from 'node:worker_threads';
import { ImagingError, type ImagingErrorCode } from './errors.js';

/** Main thread → worker. */
export interface TaskMessage<Request> {
  id: number;
  request: Request;
}

/** Worker → main thread. */
export type ReplyMessage<Result> =
  | { id: number; ok: true; result: Result }
  | { id: number; ok: false; error: { name: string; code?: string; message: string } };

/** Worker → main thread once its module has loaded and it listens for tasks. */
export interface ReadyMessage {
  ready: true;
}

/** A task's result and the buffers to move (not copy) back to the main thread. */
export interface TaskOutput<Result> {
  result: Result;
  transfer: ArrayBuffer[];
}

/** In a worker thread: answers each task with the handler's result or its error. */
export function serveTasks<Request, Result>(handle: (request: Request) => Promise<TaskOutput<Result>>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', async ({ id, request }: TaskMessage<Request>) => {
    let reply: ReplyMessage<Result>;
    let transfer: ArrayBuffer[] = [];
    try {
      const output = await handle(request);
      reply = { id, ok: true, result: output.result };
      transfer = output.transfer;
    } catch (error) {
      const e = error as Error & { code?: unknown };
      const code = typeof e.code === 'string' ? e.code : undefined;
      reply = {
        id,
        ok: false,
        error: { name: e.name ?? 'Error', code, message: e.message ?? String(error) },
      };
    }
    port.postMessage(reply, transfer);
  });
  port.postMessage({ ready: true } satisfies ReadyMessage);
}

/** The worker's error rebuilt on the main thread, an ImagingError keeping its code. */
export function rebuildError(error: { name: string; code?: string; message: string }): Error {
  if (error.name === 'ImagingError' && error.code) {
    return new ImagingError(error.code as ImagingErrorCode, error.message);
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
