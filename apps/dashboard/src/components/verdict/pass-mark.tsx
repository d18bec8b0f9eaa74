import { Group, Text, type MantineSize } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconQuestionMark } from '@tabler/icons-react';
import { VERDICT_COLORS } from '@/theme';

const MARKS = {
  true: { word: 'Pass', Icon: IconCircleCheck, color: VERDICT_COLORS.qualified },
  false: { word: 'Fail', Icon: IconCircleX, color: VERDICT_COLORS.unqualified },
  unknown: { word: 'Not judged', Icon: IconQuestionMark, color: VERDICT_COLORS.notAssessable },
} as const;

/** One criterion's outcome as icon + word. */
export function PassMark({ passed, size = 'md' }: { passed: boolean | null; size?: MantineSize }) {
  const { word, Icon, color } = MARKS[passed === null ? 'unknown' : passed ? 'true' : 'false'];
  return (
    <Group gap={6} wrap="nowrap" c={`${color}.8`}>
      <Icon size={size === 'lg' || size === 'xl' ? 30 : 20} stroke={2.2} aria-hidden />
      <Text fw={700} size={size} c="inherit">
        {word}
      </Text>
    </Group>
  );
}
