import { writeDxDicom } from '@spineqc/imaging';
import type { Logger } from '@spineqc/logging';
import { DEFAULT_ROSTER, type Roster } from '@spineqc/phantom';
import { generateFilms } from '../phantom/pool.js';
import { dicomOf } from '../phantom/write-film.js';
import { stowInstances } from './stow-client.js';

/** Two simulated DR rooms (with the phantom roster's technologists and their tendencies). */
export const DEMO_ROSTER: Roster = { ...DEFAULT_ROSTER, stations: DEFAULT_ROSTER.stations.slice(0, 2) };

const BATCH = 8;

/**
 * Plays synthetic lumbar films (random views and defects) into the running server over STOW-RS,
 * one every `intervalMs`, until stopped — the way a DR console would send them.
 */
export function startDemoPlayer(options: {
  baseUrl: string;
  /** An ingest token (STOW-RS needs one). */
  token: string;
  intervalMs: number;
  seed: number;
  logger: Logger;
}) {
  let stopped = false;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const run = async () => {
    for (let batch = 0; !stopped; batch++) {
      const films: Uint8Array[] = [];
      const generate = {
        view: 'mixed',
        defects: 'random',
        pixelSpacingMm: 0.4,
        roster: DEMO_ROSTER,
      } as const;
      await generateFilms(options.seed + batch, BATCH, generate, 1, async (film) => {
        films.push(writeDxDicom(dicomOf(film)));
      });
      for (const film of films) {
        if (stopped) return;
        const { status } = await stowInstances(options.baseUrl, [film], options.token).catch((e: Error) => {
          options.logger.warn('demo film not delivered', { error: e.message });
          return { status: 0 };
        });
        if (status !== 200) options.logger.warn('demo film refused', { status });
        await pause(options.intervalMs);
      }
    }
  };
  const done = run().catch((e: Error) => options.logger.error('demo player stopped', { error: e.message }));
  return {
    async stop() {
      stopped = true;
      wake?.();
      await done;
    },
  };
}
