import { parentPort } from 'node:worker_threads';
import { generateCase, type GenerateOptions } from '@spineqc/phantom';

/** Generates films on request; the main thread writes the files. */
export interface WorkRequest {
  seed: number;
  index: number;
  options: GenerateOptions;
}

parentPort?.on('message', (req: WorkRequest) => {
  try {
    const film = generateCase(req.seed, req.index, req.options);
    const buffers = [
      film.image.pixels.buffer,
      film.masks.levels.buffer,
      ...Object.values(film.masks.masks).map((m) => m.buffer),
    ] as ArrayBuffer[];
    parentPort!.postMessage({ ok: true, film }, buffers);
  } catch (error) {
    parentPort!.postMessage({
      ok: false,
      index: req.index,
      message: (error as Error).stack ?? String(error),
    });
  }
});
