import { Group, Loader, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconHelpCircle } from '@tabler/icons-react';
import { VERDICT_COLORS } from '@/theme';
import { VERDICT_WORDS, type VerdictState } from '@/lib/review/verdict-state';

const COLORS: Record<VerdictState, string> = {
  analysing: VERDICT_COLORS.pending,
  qualified: VERDICT_COLORS.qualified,
  unqualified: VERDICT_COLORS.unqualified,
  'not-assessable': VERDICT_COLORS.notAssessable,
  failed: 'gray',
};

const ICONS = {
  qualified: IconCircleCheck,
  unqualified: IconCircleX,
  'not-assessable': IconHelpCircle,
  failed: IconAlertTriangle,
} as const;

/** The verdict as an icon and a word: colour is never the only signal. */
export function VerdictBadge({ state, size = 'lg' }: { state: VerdictState; size?: 'md' | 'lg' | 'xl' }) {
  const iconSize = size === 'xl' ? 44 : size === 'lg' ? 34 : 26;
  const Icon = state === 'analysing' ? null : ICONS[state];
  return (
    <Group gap="xs" wrap="nowrap" data-testid="review-verdict" data-verdict={state}>
      <ThemeIcon color={COLORS[state]} size={iconSize} radius="xl" variant="light" aria-hidden>
        {Icon ? <Icon size={iconSize * 0.75} /> : <Loader size={iconSize * 0.55} color={COLORS[state]} />}
      </ThemeIcon>
      <Text fw={800} size={size} c={`${COLORS[state]}.8`} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {VERDICT_WORDS[state]}
      </Text>
    </Group>
  );
}
