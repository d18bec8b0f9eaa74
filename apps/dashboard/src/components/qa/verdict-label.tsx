import { Group, Text } from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconHourglassHigh,
} from '@tabler/icons-react';
import { VERDICT_COLORS } from '@/theme';
import { VERDICT_WORDS, type ExamVerdictKind } from '@/lib/qa/exam-verdict';

const ICONS = {
  qualified: IconCircleCheck,
  unqualified: IconCircleX,
  notAssessable: IconAlertTriangle,
  pending: IconHourglassHigh,
  failed: IconAlertOctagon,
} as const;

const COLORS: Record<ExamVerdictKind, string> = { ...VERDICT_COLORS, failed: 'gray' };

/** A verdict as an icon and a word, never colour alone. */
export function VerdictLabel({ verdict }: { verdict: ExamVerdictKind }) {
  const Icon = ICONS[verdict];
  return (
    <Group gap={6} wrap="nowrap" data-verdict={verdict}>
      <Icon size={18} color={`var(--mantine-color-${COLORS[verdict]}-7)`} aria-hidden />
      <Text size="sm" fw={600} c={`${COLORS[verdict]}.8`}>
        {VERDICT_WORDS[verdict]}
      </Text>
    </Group>
  );
}
