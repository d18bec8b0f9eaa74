import { newUid, writeDxDicom, type DxImage } from '@spineqc/imaging';
import { DEFAULT_ROSTER } from '@spineqc/phantom';
import { generateFilms } from '../phantom/pool.js';
import { dicomOf } from '../phantom/write-film.js';

/** One film ready to send: a Part 10 file with a SOP Instance UID the server has never seen. */
export interface FilmInstance {
  bytes: Uint8Array;
  sopInstanceUid: string;
  station: string;
}

export interface FilmSet {
  readonly films: number;
  /** The next `count` sends: films cycled, stations cycled, every one a new instance. */
  take(count: number): FilmInstance[];
}

/**
 * Distinct phantom DX films (random views and defects, 0.4 mm pixels like a DR detector), sent from
 * `stations` rooms. Many rooms spread the station-keyed messages over the bus partitions, which is
 * what lets a second inference worker share the load.
 */
export async function makeFilmSet(options: {
  films: number;
  stations: number;
  seed: number;
}): Promise<FilmSet> {
  const images: DxImage[] = [];
  const generate = { view: 'mixed', defects: 'random', pixelSpacingMm: 0.4, roster: DEFAULT_ROSTER } as const;
  await generateFilms(options.seed, options.films, generate, 0, async (film) => {
    images.push(dicomOf(film));
  });
  let sent = 0;
  return {
    films: images.length,
    take(count) {
      return Array.from({ length: count }, () => {
        const image = images[sent % images.length];
        const station = `BENCH-ROOM-${(sent % options.stations) + 1}`;
        sent++;
        // A new instance in a new series of the film's study, as a repeat exposure would be.
        const sopInstanceUid = newUid();
        const bytes = writeDxDicom({
          ...image,
          stationName: station,
          seriesInstanceUid: newUid(),
          sopInstanceUid,
        });
        return { bytes, sopInstanceUid, station };
      });
    },
  };
}
