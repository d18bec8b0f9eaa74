import type {
  LiveClientToServerEvents,
  LiveReceived,
  LiveServerToClientEvents,
  LiveVerdict,
} from '@spineqc/contracts';
import { io, type Socket } from 'socket.io-client';

/** A tablet: joins one station's room and collects the events it hears. */
export async function connectTablet(baseUrl: string, station: string, token: string) {
  const socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents> = io(`${baseUrl}/live`, {
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
  });
  const received: LiveReceived[] = [];
  const verdicts: LiveVerdict[] = [];
  socket.on('received', (e) => received.push(e));
  socket.on('verdict', (e) => verdicts.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await socket.emitWithAck('subscribe', { station });
  if (!ack.ok) throw new Error(`subscribe refused: ${ack.error}`);
  return {
    received,
    verdicts,
    async verdictFor(sopInstanceUid: string, timeoutMs = 60_000): Promise<LiveVerdict> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = verdicts.find((v) => v.sopInstanceUid === sopInstanceUid);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no verdict for ${sopInstanceUid} within ${timeoutMs} ms`);
    },
    close: () => socket.close(),
  };
}
