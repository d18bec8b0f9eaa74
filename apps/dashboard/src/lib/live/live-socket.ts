// One Socket.IO connection to the API's `/live` namespace, subscribed to one station ('*' = every room).
// socket.io reconnects by itself (with backoff); this adds the subscription on every connect, a connection
// state a screen can show, and a quick reaction to the browser going offline and online.
import { io, type Socket } from 'socket.io-client';
import type {
  LiveClientToServerEvents,
  LiveReceived,
  LiveServerToClientEvents,
  LiveVerdict,
  SubscribeAck,
} from '@spineqc/contracts';
import { sendToSignIn } from '@/lib/api-client';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LiveHandlers {
  connection(state: ConnectionState): void;
  /** Subscribed (again): the moment to catch up on what happened while not connected. */
  subscribed(): void;
  received(event: LiveReceived): void;
  verdict(event: LiveVerdict): void;
  /** A problem to show, or null once it is over. */
  problem(message: string | null): void;
}

type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

const SUBSCRIBE_TIMEOUT_MS = 5000;
/**
 * A tablet beside the DR console must come back quickly after a network blip: give up on a hung connection attempt
 * after 5 s (socket.io waits 20 s) and retry at most every 3 s.
 */
const CONNECT_OPTIONS = { timeout: 5000, reconnectionDelay: 500, reconnectionDelayMax: 3000 } as const;
/** After the server drops the socket itself (a revoked tablet, an ended session), when to ask again. */
const REJOIN_DELAY_MS = 1000;

/** The API refuses a handshake without a valid session with a message starting "unauthorized". */
export const isUnauthorized = (error: { message: string }) => /^unauthorized/i.test(error.message);

/** Opens the connection; the returned function closes it and removes every listener. */
export function openLiveSocket(station: string, handlers: LiveHandlers): () => void {
  const socket: LiveSocket = io('/live', { transports: ['websocket', 'polling'], ...CONNECT_OPTIONS });
  let everSubscribed = false;

  const subscribe = async () => {
    let ack: SubscribeAck;
    try {
      ack = await socket.timeout(SUBSCRIBE_TIMEOUT_MS).emitWithAck('subscribe', { station });
    } catch {
      if (!socket.connected) return; // the link dropped meanwhile: the next connect subscribes again
      handlers.problem(`The live server did not confirm the subscription to ${station}; retrying.`);
      // Start over: socket.io's reconnect backoff then paces the retries.
      socket.disconnect().connect();
      return;
    }
    if (!ack.ok) {
      handlers.problem(`The live server refused the subscription to ${station}: ${ack.error}`);
      return;
    }
    everSubscribed = true;
    handlers.problem(null);
    handlers.connection('live');
    handlers.subscribed();
  };

  socket.on('connect', () => void subscribe());
  let rejoin: ReturnType<typeof setTimeout> | undefined;
  socket.on('disconnect', (reason) => {
    handlers.connection(socket.active ? 'reconnecting' : 'offline');
    // socket.io does not reconnect after the server hung up. Ask once more: a handshake that still holds a session
    // resumes, one whose session was ended (tablet unpaired, account disabled) is refused and goes to sign-in.
    if (reason === 'io server disconnect') rejoin = setTimeout(() => socket.connect(), REJOIN_DELAY_MS);
  });
  socket.on('connect_error', (error) => {
    if (isUnauthorized(error)) {
      handlers.connection('offline');
      handlers.problem('Signed out: this screen is no longer signed in.');
      sendToSignIn();
    } else if (socket.active) {
      handlers.connection(everSubscribed ? 'reconnecting' : 'connecting');
    } else {
      // The server refused the connection itself; socket.io will not retry this on its own.
      handlers.connection('offline');
      handlers.problem(`Cannot connect to the live server: ${error.message}`);
    }
  });
  socket.on('received', (event) => handlers.received(event));
  socket.on('verdict', (event) => handlers.verdict(event));

  // Without this a dead network is noticed only when the heartbeat times out (tens of seconds).
  const goOffline = () => socket.disconnect();
  const goOnline = () => {
    if (socket.disconnected) {
      handlers.connection(everSubscribed ? 'reconnecting' : 'connecting');
      socket.connect();
    }
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);

  handlers.connection('connecting');

  return () => {
    clearTimeout(rejoin);
    window.removeEventListener('offline', goOffline);
    window.removeEventListener('online', goOnline);
    socket.removeAllListeners();
    socket.disconnect();
  };
}
