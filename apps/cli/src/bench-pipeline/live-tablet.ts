import {
  LIVE_NAMESPACE,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type LiveVerdict,
} from '@spineqc/contracts';
import { io, type Socket } from 'socket.io-client';
import { BenchPipelineError } from './bench-pipeline-error.js';
import { epochMs } from './clock.js';

/** A verdict as the tablet saw it: the event and when it arrived (epoch ms). */
export interface SeenVerdict {
  verdict: LiveVerdict;
  arrivedAt: number;
}

export interface LiveTablet {
  /** Resolves when the verdict for `sopInstanceUid` has arrived (at once if it already has). */
  verdictFor(sopInstanceUid: string, timeoutMs: number): Promise<SeenVerdict>;
  close(): void;
}

/** Every station's room: the tablet of a QA desk, hearing all verdicts. */
const ALL_STATIONS = '*';

/** Connects a Socket.IO tablet to `/live` and subscribes to every station. */
export async function connectTablet(baseUrl: string, token: string, timeoutMs = 10_000): Promise<LiveTablet> {
  const socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents> = io(
    `${baseUrl}${LIVE_NAMESPACE}`,
    {
      transports: ['websocket'],
      auth: { token },
      reconnection: false,
      timeout: timeoutMs,
    },
  );
  const seen = new Map<string, SeenVerdict>();
  const waiting = new Map<string, (v: SeenVerdict) => void>();
  socket.on('verdict', (verdict) => {
    // Timestamp first: this is the moment the radiographer would see it.
    const arrivedAt = epochMs();
    const entry = { verdict, arrivedAt };
    if (!seen.has(verdict.sopInstanceUid)) seen.set(verdict.sopInstanceUid, entry);
    waiting.get(verdict.sopInstanceUid)?.(entry);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack = await socket.timeout(timeoutMs).emitWithAck('subscribe', { station: ALL_STATIONS });
    if (!ack.ok) throw new Error(`subscribe refused: ${ack.error}`);
  } catch (error) {
    socket.close();
    throw new BenchPipelineError(
      'TABLET_FAILED',
      `live tablet could not join ${baseUrl}${LIVE_NAMESPACE}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return {
    verdictFor(sopInstanceUid, verdictTimeoutMs) {
      const already = seen.get(sopInstanceUid);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(sopInstanceUid);
          reject(
            new BenchPipelineError(
              'VERDICT_TIMEOUT',
              `no verdict for ${sopInstanceUid} within ${verdictTimeoutMs} ms`,
            ),
          );
        }, verdictTimeoutMs);
        waiting.set(sopInstanceUid, (entry) => {
          clearTimeout(timer);
          waiting.delete(sopInstanceUid);
          resolve(entry);
        });
      });
    },
    close: () => socket.close(),
  };
}
