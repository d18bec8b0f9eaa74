// Every room's latest exam for the home page: Socket.IO station '*' plus a catch-up per known room.
import { useEffect, useReducer, useRef, useState } from 'react';
import { listExams } from '@/lib/api-client';
import { openLiveSocket, type ConnectionState } from './live-socket';
import { initialRoomsState, roomsActions, roomsReducer, type RoomsState } from './rooms-state';
import { describeError } from './use-room-live';

/** Station '*' hears every room (see the API's live hub). */
export const ALL_STATIONS = '*';

export interface AllRoomsLive {
  rooms: RoomsState;
  connection: ConnectionState;
  lastSyncAt: Date | null;
  /** Counts verdict events, so a screen can refresh numbers the events do not carry (today's rates). */
  verdicts: number;
  error: string | null;
}

/** `stations`: the rooms to catch up on after each connect (rooms that appear later arrive by live events). */
export function useAllRoomsLive(stations: readonly string[]): AllRoomsLive {
  const [rooms, dispatch] = useReducer(roomsReducer, initialRoomsState);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [lastSyncAt, setLastSyncAt] = useState<Date | null>(null);
  const [verdicts, setVerdicts] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const stationsRef = useRef(stations);
  const catchUpRef = useRef<() => void>(() => undefined);
  const key = stations.join('\n');

  useEffect(() => {
    stationsRef.current = stations;
  }, [stations]);

  useEffect(() => {
    const aborter = new AbortController();
    const catchUp = async () => {
      try {
        await Promise.all(
          stationsRef.current.map(async (station) => {
            const page = await listExams({ station, limit: 1 }, { signal: aborter.signal });
            dispatch(roomsActions.snapshot(station, page.items));
          }),
        );
        setLastSyncAt(new Date());
      } catch (caught) {
        if (!aborter.signal.aborted)
          setError(`Could not read the rooms' latest exams: ${describeError(caught)}`);
      }
    };
    catchUpRef.current = () => void catchUp();
    const close = openLiveSocket(ALL_STATIONS, {
      connection: setConnection,
      subscribed: () => void catchUp(),
      received: (event) => {
        dispatch(roomsActions.received(event));
        setLastSyncAt(new Date());
      },
      verdict: (event) => {
        dispatch(roomsActions.verdict(event));
        setVerdicts((n) => n + 1);
        setLastSyncAt(new Date());
      },
      problem: setError,
    });
    return () => {
      aborter.abort();
      close();
    };
  }, []);

  // Rooms named after the socket connected (the station list loads separately) are caught up as they come.
  useEffect(() => {
    if (key) catchUpRef.current();
  }, [key]);

  return { rooms, connection, lastSyncAt, verdicts, error };
}
