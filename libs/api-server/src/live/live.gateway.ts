import { Inject } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  LIVE_NAMESPACE,
  subscribeRequestSchema,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type SubscribeAck,
} from '@spineqc/contracts';
import { LOGGER, type Logger } from '@spineqc/logging';
import type { Namespace, Socket } from 'socket.io';
import { LiveHub, stationRoom } from './live-hub.js';

type LiveSocket = Socket<LiveClientToServerEvents, LiveServerToClientEvents>;

/** Socket.IO namespace `/live`: a tablet joins its DR room and hears `received` and `verdict` events. */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: true } })
export class LiveGateway implements OnGatewayInit {
  constructor(
    private readonly hub: LiveHub,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  afterInit(namespace: Namespace) {
    this.hub.attach(namespace);
  }

  @SubscribeMessage('subscribe')
  async subscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<SubscribeAck> {
    const request = subscribeRequestSchema.safeParse(body);
    if (!request.success) return { ok: false, error: 'expected { station: "<StationName>" }' };
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
