import { Inject } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  ROLE_LABELS,
  roleAllows,
  LIVE_NAMESPACE,
  subscribeRequestSchema,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type SubscribeAck,
} from '@spineqc/contracts';
import { LOGGER, type Logger } from '@spineqc/logging';
import type { Namespace, Socket } from 'socket.io';
import { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { LiveHub, stationRoom } from './live-hub.js';

type LiveSocket = Socket<
  LiveClientToServerEvents,
  LiveServerToClientEvents,
  Record<string, never>,
  { principal: Principal }
>;

/** Socket.IO namespace `/live`: a tablet joins its DR room and hears `received` and `verdict` events. */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: true } })
export class LiveGateway implements OnGatewayInit {
  constructor(
    private readonly hub: LiveHub,
    private readonly authenticator: Authenticator,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  afterInit(namespace: Namespace) {
    this.hub.attach(namespace);
    // The handshake carries the dashboard's session cookie, or a token in `auth.token` (integrations, scripts).
    namespace.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      this.authenticator
        .resolve({
          authorization: socket.handshake.headers.authorization,
          cookie: socket.handshake.headers.cookie,
          token: typeof auth?.token === 'string' ? auth.token : undefined,
        })
        .then((principal) => {
          if (!principal) return next(new Error('unauthorized: sign in or send auth.token'));
          if (!roleAllows(principal.role, 'exams.read')) {
            return next(new Error(`forbidden: ${ROLE_LABELS[principal.role]} may not watch live verdicts`));
          }
          (socket.data as { principal: Principal }).principal = principal;
          next();
        })
        .catch((error: Error) => {
          this.logger.error('live handshake failed', { error: error.message });
          next(new Error('unavailable: try again'));
        });
    });
  }

  @SubscribeMessage('subscribe')
  async subscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<SubscribeAck> {
    const request = subscribeRequestSchema.safeParse(body);
    if (!request.success) return { ok: false, error: 'expected { station: "<StationName>" }' };
    const paired = socket.data.principal.role === 'device' ? socket.data.principal.station : null;
    // A tablet hears its own room only (and never every room at once).
    if (paired !== null && request.data.station !== paired) {
      return { ok: false, error: `forbidden: this tablet is paired to ${paired}` };
    }
    await socket.join(stationRoom(request.data.station));
    this.logger.debug('tablet subscribed', { station: request.data.station, socket: socket.id });
    return { ok: true, station: request.data.station };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<SubscribeAck> {
    const request = subscribeRequestSchema.safeParse(body);
    if (!request.success) return { ok: false, error: 'expected { station: "<StationName>" }' };
    await socket.leave(stationRoom(request.data.station));
    return { ok: true, station: request.data.station };
  }
}
