import { Badge } from '@mantine/core';
import { IconBan, IconCircleCheck, IconClockX, IconUserOff } from '@tabler/icons-react';

export type AccessState = 'active' | 'disabled' | 'expired' | 'revoked';

const LOOK = {
  active: { color: 'teal', Icon: IconCircleCheck, word: 'Active' },
  disabled: { color: 'gray', Icon: IconUserOff, word: 'Disabled' },
  expired: { color: 'orange', Icon: IconClockX, word: 'Expired' },
  revoked: { color: 'red', Icon: IconBan, word: 'Revoked' },
} as const;

/** Whether an account or token still lets anyone in, as an icon and a word (never colour alone). */
export function AccessStateBadge({ state, testId }: { state: AccessState; testId?: string }) {
  const { color, Icon, word } = LOOK[state];
  return (
    <Badge
      color={color}
      variant="light"
      tt="none"
      size="lg"
      leftSection={<Icon size={16} aria-hidden />}
      style={{ minWidth: 'max-content' }}
      data-testid={testId}
      data-state={state}
    >
      {word}
    </Badge>
  );
}
