import { Badge } from '@mantine/core';
import { IconPlugConnected, IconRefresh, IconWifi, IconWifiOff } from '@tabler/icons-react';
import type { ConnectionState } from '@/lib/live/live-socket';

const PILLS = {
  connecting: { word: 'Connecting…', Icon: IconPlugConnected, color: 'yellow' },
  live: { word: 'Live', Icon: IconWifi, color: 'teal' },
  reconnecting: { word: 'Reconnecting…', Icon: IconRefresh, color: 'orange' },
  offline: { word: 'Offline', Icon: IconWifiOff, color: 'red' },
} as const;

/** Whether the tablet is hearing the room live: a stale verdict on screen must not look current. */
export function ConnectionPill({ connection }: { connection: ConnectionState }) {
  const { word, Icon, color } = PILLS[connection];
  return (
    <Badge
      data-testid="connection-state"
      data-state={connection}
      role="status"
      color={color}
      variant="filled"
      size="xl"
      h={40}
      leftSection={<Icon size={22} aria-hidden />}
    >
      {word}
    </Badge>
  );
}
