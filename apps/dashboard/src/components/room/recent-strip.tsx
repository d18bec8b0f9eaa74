import { Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { VerdictBadge } from '@/components/verdict/verdict-badge';
import { formatClock, personName, viewName } from '@/lib/live/display';
import type { RoomExam } from '@/lib/live/room-state';
import { verdictKind } from '@/lib/live/verdict-kind';
import classes from './room-tablet.module.css';

/** How many of the room's exams the strip shows. */
export const STRIP_LENGTH = 12;

interface RecentStripProps {
  exams: RoomExam[];
  /** The exam on screen when it is not the newest; null while following live. */
  selectedId: string | null;
  onSelect(examId: string): void;
}

/** The room's last exams; tapping one shows it in full. */
export function RecentStrip({ exams, selectedId, onSelect }: RecentStripProps) {
  if (exams.length === 0) return <nav aria-label="Recent exams" />;
  return (
    <nav className={classes.strip} aria-label="Recent exams">
      <VisuallyHidden component="h2">Recent exams</VisuallyHidden>
      {exams.slice(0, STRIP_LENGTH).map((exam, index) => {
        const kind = verdictKind(exam);
        return (
          <UnstyledButton
            key={exam.examId}
            className={classes.stripItem}
            data-testid="recent-exam"
            data-exam-id={exam.examId}
            data-verdict={kind}
            data-current={index === 0 || undefined}
            aria-pressed={selectedId === exam.examId}
            onClick={() => onSelect(exam.examId)}
          >
            <VerdictBadge kind={kind} size="lg" />
            <Text size="md" fw={600} mt={4}>
              {formatClock(exam.receivedAt)} · {exam.view ? viewName(exam.view) : '—'}
            </Text>
            <Text size="sm" c="dimmed" truncate maw={200}>
              {exam.operator ? personName(exam.operator) : 'technologist not named'}
            </Text>
          </UnstyledButton>
        );
      })}
    </nav>
  );
}
