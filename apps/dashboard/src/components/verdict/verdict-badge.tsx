import { Badge, type MantineSize } from '@mantine/core';
import type { VerdictKind } from '@/lib/live/verdict-kind';
import { VERDICT_META } from './verdict-meta';

const ICON_SIZE: Record<string, number> = { xs: 12, sm: 14, md: 16, lg: 20, xl: 24 };

/** A compact verdict (icon + word) for lists, cards and headers. */
export function VerdictBadge({ kind, size = 'md' }: { kind: VerdictKind; size?: MantineSize }) {
  const { word, Icon, color } = VERDICT_META[kind];
  return (
    <Badge
      color={color}
      variant={kind === 'waiting' || kind === 'analysing' ? 'light' : 'filled'}
      size={size}
      radius="sm"
      leftSection={<Icon size={ICON_SIZE[size] ?? 16} stroke={2.2} aria-hidden />}
      styles={{ label: { overflow: 'visible' } }}
    >
      {word}
    </Badge>
  );
}
