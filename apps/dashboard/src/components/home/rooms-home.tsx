'use client';
import { useEffect, useMemo } from 'react';
import { Alert, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ConnectionPill } from '@/components/room/connection-pill';
import { useNow } from '@/components/room/use-now';
import { useAllRoomsLive } from '@/lib/live/use-all-rooms-live';
import { EmptyRooms } from './empty-rooms';
import { RoomCard } from './room-card';
import { useRoomStats } from './use-room-stats';

/** Today's numbers are re-read this long after the last verdict (verdicts come in bursts). */
const REFRESH_DELAY_MS = 1500;

/** The home page: every DR room with its latest verdict and today's unqualified rate, live. */
export function RoomsHome() {
  const { stations: listed, today, error: statsError, refreshToday } = useRoomStats();
  const knownStations = useMemo(() => listed ?? [], [listed]);
  const { rooms, connection, verdicts, error: liveError } = useAllRoomsLive(knownStations);
  const now = useNow(5000);

  useEffect(() => {
    if (verdicts === 0) return;
    const timer = setTimeout(refreshToday, REFRESH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [verdicts, refreshToday]);

  // A room that starts sending while the page is open appears from its live events.
  const stations = useMemo(
    () =>
      [...new Set([...knownStations, ...Object.keys(rooms).filter(Boolean)])].sort((a, b) =>
        a.localeCompare(b),
      ),
    [knownStations, rooms],
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Rooms</Title>
          <Text c="dimmed">
            Latest verdict per DR room, live, and today&apos;s unqualified rate (AAPM TG-151: target ≤ 8 %,
            investigate above 10 %).
          </Text>
        </div>
        <ConnectionPill connection={connection} />
      </Group>
      {statsError && (
        <Alert color="red" title="Statistics unavailable" data-testid="rooms-error">
          {statsError}
        </Alert>
      )}
      {liveError && (
        <Alert color="red" title="Live link problem" data-testid="live-error">
          {liveError}
        </Alert>
      )}
      {listed === null && !statsError ? (
        <Text c="dimmed">Loading the rooms…</Text>
      ) : stations.length === 0 ? (
        listed !== null && <EmptyRooms />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          {stations.map((station) => (
            <RoomCard
              key={station}
              station={station}
              room={rooms[station]}
              today={today.get(station)}
              now={now}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
