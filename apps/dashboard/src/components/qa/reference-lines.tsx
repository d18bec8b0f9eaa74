import type { ChartReferenceLineProps } from '@mantine/charts';
import { Group, Text } from '@mantine/core';
import { TG151_INVESTIGATE_PERCENT, TG151_TARGET_PERCENT } from '@/lib/qa/chart-data';

const LINES = [
  {
    value: TG151_TARGET_PERCENT,
    text: `TG-151 target ${TG151_TARGET_PERCENT} %`,
    color: 'teal.7',
    dash: '6 4',
  },
  {
    value: TG151_INVESTIGATE_PERCENT,
    text: `investigate ${TG151_INVESTIGATE_PERCENT} %`,
    color: 'red.7',
    dash: '2 3',
  },
] as const;

/**
 * The AAPM TG-151 lines every rate chart draws on its rate axis. Horizontal lines ('y') carry their label at the
 * right end, the target's under its line and the investigation level's over its own, so the two never overlap;
 * vertical ones ('x', horizontal bars) would cross the bars' names, so <Tg151Legend> names them instead.
 */
export function tg151Lines(axis: 'x' | 'y'): ChartReferenceLineProps[] {
  return LINES.map((line, i) => ({
    [axis]: line.value,
    color: line.color,
    strokeDasharray: line.dash,
    strokeWidth: 1.5,
    // In front of the bars, which would otherwise hide the lines where they cross.
    zIndex: 1000,
    ...(axis === 'y'
      ? { label: line.text, labelPosition: i === 0 ? 'insideTopRight' : 'insideBottomRight' }
      : {}),
  }));
}

/** Names the dashed lines in words, for charts whose lines carry no label. */
export function Tg151Legend() {
  return (
    <Group gap="lg" justify="center" mt={4}>
      {LINES.map((line) => (
        <Group key={line.value} gap={6} wrap="nowrap">
          <svg width="22" height="8" aria-hidden>
            <line
              x1="0"
              y1="4"
              x2="22"
              y2="4"
              stroke={`var(--mantine-color-${line.color.replace('.', '-')})`}
              strokeWidth="2"
              strokeDasharray={line.dash}
            />
          </svg>
          <Text size="xs" c="dimmed">
            {line.text}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

export const percentFormatter = (value: number) => `${value} %`;
