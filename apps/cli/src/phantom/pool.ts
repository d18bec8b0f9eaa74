import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GenerateOptions } from '@spineqc/phantom';
import type { WrittenFilm } from './worker.js';

type WorkerReply = { ok: true; film: WrittenFilm } | { ok: false; index: number; message: string };

/**
 * Generates films on worker threads (one per core): rendering is CPU-bound, so a 2-core machine
 * makes films twice as fast. `onFilm` is called in index order, one film at a time.
 */
export async function generateFilms(
  seed: number,
  count: number,
  options: GenerateOptions,
  jobs: number,
  onFilm: (film: WrittenFilm) => Promise<void>,
): Promise<void> {
  const workerCount = Math.max(1, Math.min(jobs || availableParallelism(), count));
  const workers = Array.from(
    { length: workerCount },
    () => new Worker(new URL('./worker.js', import.meta.url)),
  );
  const ready = new Map<number, WrittenFilm>();
  let nextToStart = 0;
  let nextToWrite = 0;
  let writing = Promise.resolve();
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker) => {
        if (nextToStart < count) w.postMessage({ seed, index: nextToStart++, options });
      };
      const flush = () => {
        writing = writing
          .then(async () => {
            while (ready.has(nextToWrite)) {
              const film = ready.get(nextToWrite)!;
              ready.delete(nextToWrite);
              nextToWrite++;
              await onFilm(film);
            }
            if (nextToWrite === count) resolve();
          })
          .catch(reject);
      };
      for (const w of workers) {
        w.on('message', (msg: WorkerReply) => {
          if (!msg.ok) return reject(new Error(`film ${msg.index} failed: ${msg.message}`));
          ready.set(msg.film.truth.generator.index, msg.film);
          flush();
          feed(w);
        });
        w.on('error', reject);
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
