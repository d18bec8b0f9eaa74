import Link from 'next/link';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconLayoutDashboard } from '@tabler/icons-react';
import type { ConnectionState } from '@/lib/live/live-socket';
import { formatClock } from '@/lib/live/display';
import { ConnectionPill } from './connection-pill';
import { useNow } from './use-now';
import classes from './room-tablet.module.css';

interface RoomHeaderProps {
  station: string;
  connection: ConnectionState;
  lastSyncAt: Date | null;
  /** A way back to the desk, for a person; none on a paired tablet. */
  exitHref?: string;
}

export function RoomHeader({ station, connection, lastSyncAt, exitHref }: RoomHeaderProps) {
  const now = useNow(1000);
  return (
    <header className={classes.header}>
      <Group gap="md" wrap="nowrap">
        {exitHref && (
          <Button
            component={Link}
            href={exitHref}
            variant="subtle"
            color="gray.3"
            size="md"
            h={48}
            px="xs"
            leftSection={<IconLayoutDashboard size={22} aria-hidden />}
            data-testid="room-exit"
          >
            Desk
          </Button>
        )}
        <Title order={1} size="h2" c="white">
          {station}
        </Title>
        <ConnectionPill connection={connection} />
      </Group>
      <Stack gap={0} align="flex-end">
        <Text fz={28} fw={700} lh={1.1} ff="monospace" aria-label="Time now">
          {now === null ? '--:--' : formatClock(now)}
        </Text>
        <Text size="sm" c="gray.4" data-testid="last-sync">
          {lastSyncAt ? `Last update ${formatClock(lastSyncAt, true)}` : 'Not synced yet'}
        </Text>
      </Stack>
    </header>
  );
}
