import { Injectable } from '@nestjs/common';
import type { LiveReceived, LiveServerToClientEvents, LiveVerdict } from '@spineqc/contracts';
import type { Namespace } from 'socket.io';

/** Every station's events also go to this room, for supervisors watching all rooms. */
export const ALL_STATIONS = '*';

export function stationRoom(station: string) {
  return `station:${station}`;
}

/** Pushes events to the tablets of one DR room; the gateway hands it the namespace once it exists. */
@Injectable()
export class LiveHub {
  private namespace: Namespace<Record<string, never>, LiveServerToClientEvents> | null = null;

  attach(namespace: Namespace<Record<string, never>, LiveServerToClientEvents>) {
    this.namespace = namespace;
  }

  received(event: LiveReceived) {
    this.namespace?.to([stationRoom(event.station), stationRoom(ALL_STATIONS)]).emit('received', event);
  }

  /** Closes the live connections of revoked credentials (a tablet unpaired, an account disabled). */
  async disconnectWhere(matches: (principal: { tokenId: string; id: string }) => boolean) {
    if (!this.namespace) return;
    for (const socket of await this.namespace.fetchSockets()) {
      const principal = (socket.data as { principal?: { tokenId: string; id: string } }).principal;
      if (principal && matches(principal)) socket.disconnect(true);
    }
  }

  verdict(event: LiveVerdict) {
    this.namespace?.to([stationRoom(event.station), stationRoom(ALL_STATIONS)]).emit('verdict', event);
  }
}
