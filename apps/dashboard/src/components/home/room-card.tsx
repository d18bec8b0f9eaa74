import Link from 'next/link';
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconCircleCheck, IconTrendingUp } from '@tabler/icons-react';
import { VerdictBadge } from '@/components/verdict/verdict-badge';
import { formatAgo, formatClock, personName, viewName } from '@/lib/live/display';
import type { RoomState } from '@/lib/live/room-state';
import { formatRate, tg151Level, type RoomCounts, type Tg151Level } from '@/lib/live/room-stats';
import { verdictKind } from '@/lib/live/verdict-kind';

const TG151_HINTS: Record<Tg151Level, { word: string; color: string; Icon: typeof IconCircleCheck }> = {
  'within-target': { word: 'Within TG-151 target (≤ 8 %)', color: 'teal', Icon: IconCircleCheck },
  'above-target': { word: 'Above the 8 % target', color: 'yellow', Icon: IconTrendingUp },
  investigate: { word: 'Over 10 %: investigate', color: 'red', Icon: IconAlertTriangle },
  'no-data': { word: 'No assessable exams today', color: 'gray', Icon: IconChartBar },
};

interface RoomCardProps {
  station: string;
  room: RoomState | undefined;
  today: RoomCounts | undefined;
  now: number | null;
}

/** One DR room: its latest verdict (live) and today's unqualified rate against AAPM TG-151. */
export function RoomCard({ station, room, today, now }: RoomCardProps) {
  const latest = room?.current ?? null;
  const rate = today?.unqualifiedRate ?? null;
  const hint = TG151_HINTS[tg151Level(rate)];
  return (
    <Card
      component={Link}
      href={`/rooms/${encodeURIComponent(station)}`}
      data-testid="room-card"
      data-station={station}
      withBorder
      shadow="sm"
      padding="lg"
      radius="md"
    >
      <Stack gap="sm">
        <Title order={2} size="h3">
          {station}
        </Title>
        {latest ? (
          <Stack
            gap={4}
            data-testid="room-latest"
            data-verdict={verdictKind(latest)}
            data-exam-id={latest.examId}
          >
            <Group gap="sm">
              <VerdictBadge kind={verdictKind(latest)} size="lg" />
              <Text size="sm" c="dimmed">
                {formatClock(latest.receivedAt)}
                {now !== null && ` · ${formatAgo(latest.receivedAt, now)}`}
              </Text>
            </Group>
            <Text size="sm">
              {[
                latest.view ? viewName(latest.view) : null,
                latest.operator ? personName(latest.operator) : null,
              ]
                .filter(Boolean)
                .join(' · ') || 'Latest exam'}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {room && room.snapshots > 0 ? 'No exams yet' : 'Loading the latest exam…'}
          </Text>
        )}
        <Stack gap={4} data-testid="room-today">
          <Text size="sm" fw={600}>
            Today:{' '}
            {rate === null ? (
              'no unqualified rate yet'
            ) : (
              <>
                <Text span fz="lg" fw={800} data-testid="room-unqualified-rate">
                  {formatRate(rate)}
                </Text>{' '}
                unqualified
              </>
            )}
          </Text>
          <Text size="sm" c="dimmed">
            {today
              ? `${today.total} exams: ${today.qualified} qualified, ${today.unqualified} unqualified` +
                (today.notAssessable ? `, ${today.notAssessable} not assessable` : '') +
                (today.failed ? `, ${today.failed} failed` : '')
              : '0 exams today'}
          </Text>
          <Badge
            color={hint.color}
            variant="light"
            size="lg"
            leftSection={<hint.Icon size={16} aria-hidden />}
            data-testid="room-tg151"
            data-level={tg151Level(rate)}
            styles={{ label: { textTransform: 'none' } }}
          >
            {hint.word}
          </Badge>
        </Stack>
      </Stack>
    </Card>
  );
}
