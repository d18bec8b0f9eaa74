import { parentPort } from 'node:worker_threads';
import { generateCase, type GenerateOptions, type PhantomCase } from '@spineqc/phantom';

/** What the main thread writes: the film without its 3-D patient, which only the truth needed. */
export type WrittenFilm = Omit<PhantomCase, 'anatomy'>;

/** Generates films on request; the main thread writes the files. */
export interface WorkRequest {
  seed: number;
  index: number;
  options: GenerateOptions;
}

parentPort?.on('message', (req: WorkRequest) => {
  try {
    // The anatomy (hundreds of solids) would be cloned across threads for nothing.
    const { anatomy: _anatomy, ...film }: PhantomCase = generateCase(req.seed, req.index, req.options);
    const buffers = [
      film.image.pixels.buffer,
      film.masks.levels.buffer,
      ...Object.values(film.masks.masks).map((m) => m.buffer),
    ] as ArrayBuffer[];
    parentPort!.postMessage({ ok: true, film: film satisfies WrittenFilm }, buffers);
  } catch (error) {
    parentPort!.postMessage({
      ok: false,
      index: req.index,
      message: (error as Error).stack ?? String(error),
    });
  }
});
