import { Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { VERDICT_META } from '@/components/verdict/verdict-meta';
import { formatAgo, formatClock, personName, viewName } from '@/lib/live/display';
import type { RoomExam } from '@/lib/live/room-state';
import { verdictKind } from '@/lib/live/verdict-kind';
import { useNow } from './use-now';
import classes from './room-tablet.module.css';

interface VerdictPanelProps {
  station: string;
  exam: RoomExam | null;
  /** True while the first catch-up has not answered: an empty room is not known to be empty yet. */
  loading: boolean;
  /** Set when an earlier exam from the strip is shown instead of the newest. */
  onBackToLive?: () => void;
}

/** The verdict in large type: icon and word, why when it could not judge, and view, technologist and time. */
export function VerdictPanel({ station, exam, loading, onBackToLive }: VerdictPanelProps) {
  const now = useNow(1000);
  const kind = verdictKind(exam);
  const { word, Icon, color } = VERDICT_META[kind];
  const showReason = (kind === 'not-assessable' || kind === 'failed') && exam?.reason;
  return (
    <Paper
      className={`${classes.verdict} ${kind === 'analysing' ? classes.analysing : ''}`}
      radius="md"
      shadow="xs"
      data-testid="verdict"
      data-verdict={kind}
      data-exam-id={exam?.examId}
      aria-live="polite"
      style={{
        '--verdict-color': `var(--mantine-color-${color}-7)`,
        '--verdict-background': `var(--mantine-color-${color}-0)`,
      }}
    >
      {onBackToLive && exam && (
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <Text fw={700} size="lg">
            Earlier exam, taken {formatClock(exam.receivedAt)}
          </Text>
          <Button
            size="lg"
            h={52}
            leftSection={<IconArrowBackUp aria-hidden />}
            onClick={onBackToLive}
            data-testid="back-to-live"
          >
            Back to live
          </Button>
        </Group>
      )}
      <Group gap="lg" wrap="nowrap" align="center">
        <Icon className={classes.verdictIcon} size={96} stroke={2} aria-hidden />
        {exam ? (
          <Stack gap={4} miw={0}>
            <Text component="h2" className={classes.verdictWord} m={0}>
              {word}
            </Text>
            {showReason && (
              <Text fz={24} fw={600} data-testid="verdict-reason">
                {exam.reason}
              </Text>
            )}
            <Text fz={22} c="dark.5">
              {[
                exam.view ? viewName(exam.view) : null,
                exam.operator ? personName(exam.operator) : 'technologist not named',
              ]
                .filter(Boolean)
                .join(' · ')}
              {/* The ticking "12 s ago" is hidden from screen readers, or the live region would speak every second. */}
              {now !== null && (
                <span aria-hidden data-testid="verdict-age">
                  {` · ${kind === 'analysing' ? 'received' : 'taken'} ${formatAgo(exam.receivedAt, now)}`}
                </span>
              )}
              <VisuallyHidden>{` · taken at ${formatClock(exam.receivedAt)}`}</VisuallyHidden>
            </Text>
          </Stack>
        ) : (
          <Text component="h2" fz={34} fw={700} m={0} c="dark.4">
            {loading ? `Connecting to ${station}…` : `Waiting for the first image from ${station}`}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
