import { epochMs } from './clock.js';
import type { FilmInstance } from './films.js';
import type { LiveTablet } from './live-tablet.js';
import type { Sample } from './sample.js';
import type { StoreSender } from './store-sender.js';

const VERDICT_TIMEOUT_MS = 180_000;
/** Lets the first send start on a quiet event loop. */
const LEAD_MS = 100;

/**
 * Open loop: film i is sent at start + i / rate seconds whatever happened to the earlier ones (a
 * DR room does not wait for the verdict before the next exposure). Resolves when every verdict is in.
 */
export async function sendAtRate(
  films: FilmInstance[],
  ratePerSecond: number,
  sender: StoreSender,
  tablet: LiveTablet,
): Promise<Sample[]> {
  const start = epochMs() + LEAD_MS;
  const trips: Promise<Sample>[] = [];
  for (const [i, film] of films.entries()) {
    const due = start + (i * 1000) / ratePerSecond;
    const wait = due - epochMs();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    trips.push(settleLater(verdictOf(film, sender.store(film.bytes), tablet)));
  }
  return Promise.all(trips);
}

/**
 * A burst: each film is sent as soon as the SCP has answered the previous one (one sender pushing a
 * backlog). Returns the samples and the seconds from the first send to the last verdict.
 */
export async function sendBurst(
  films: FilmInstance[],
  sender: StoreSender,
  tablet: LiveTablet,
): Promise<{ samples: Sample[]; seconds: number }> {
  const trips: Promise<Sample>[] = [];
  const started = epochMs();
  for (const film of films) {
    const stored = sender.store(film.bytes);
    trips.push(settleLater(verdictOf(film, stored, tablet)));
    // A refused store is reported through its trip below.
    await stored.catch(() => undefined);
  }
  const samples = await Promise.all(trips);
  const lastVerdict = Math.max(...samples.map((s) => s.seen.arrivedAt));
  return { samples, seconds: (lastVerdict - started) / 1000 };
}

async function verdictOf(
  film: FilmInstance,
  stored: ReturnType<StoreSender['store']>,
  tablet: LiveTablet,
): Promise<Sample> {
  // Listen before the store resolves: a verdict may come before this thread hears the C-STORE response.
  const seen = settleLater(tablet.verdictFor(film.sopInstanceUid, VERDICT_TIMEOUT_MS));
  const receipt = await stored;
  return { sopInstanceUid: film.sopInstanceUid, receipt, seen: await seen };
}

/** Marks a rejection as handled for now: it is awaited later, and Node must not abort on it meanwhile. */
function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
