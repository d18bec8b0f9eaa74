import { useCallback, useEffect, useState } from 'react';
import { getStats } from '@/lib/api-client';
import { countsByStation, localMidnight, stationNames, type RoomCounts } from '@/lib/live/room-stats';
import { describeError } from '@/lib/live/use-room-live';

/** Rooms that sent an exam in this many days are listed. */
export const ROOM_LIST_DAYS = 30;

export interface RoomStats {
  /** null until the first answer. */
  stations: string[] | null;
  today: Map<string, RoomCounts>;
  error: string | null;
  /** Reads today's numbers again (after new verdicts). */
  refreshToday(): void;
}

/** The rooms of the last 30 days and today's counts per room, from `/api/stats?groupBy=station`. */
export function useRoomStats(): RoomStats {
  const [stations, setStations] = useState<string[] | null>(null);
  const [today, setToday] = useState<Map<string, RoomCounts>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const refreshToday = useCallback(() => {
    getStats({ groupBy: 'station', period: 'day', from: localMidnight(new Date()) })
      .then((stats) => {
        setToday(countsByStation(stats.rows));
        setError(null);
      })
      .catch((caught: unknown) => setError(`Could not read today's numbers: ${describeError(caught)}`));
  }, []);

  useEffect(() => {
    const aborter = new AbortController();
    getStats(
      { groupBy: 'station', period: 'day', from: localMidnight(new Date(), ROOM_LIST_DAYS) },
      { signal: aborter.signal },
    )
      .then((stats) => setStations(stationNames(stats.rows)))
      .catch((caught: unknown) => {
        if (!aborter.signal.aborted) setError(`Could not list the rooms: ${describeError(caught)}`);
      });
    refreshToday();
    return () => aborter.abort();
  }, [refreshToday]);

  return { stations, today, error, refreshToday };
}
