import { Box, Stack, Text, type MantineSize } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { formatMeasured, formatRange, passState } from '@/lib/live/criterion-format';
import type { CriterionDto } from '@/lib/live/room-state';
import { PassMark } from './pass-mark';
import classes from './criterion-row.module.css';

export interface CriterionRowProps {
  criterion: CriterionDto;
  /** `criterion` on the tablet, `review-criterion` on the review page. */
  testId?: string;
  /** Base text size: `lg` for the tablet read from two metres, `sm`/`md` on a desk. */
  size?: MantineSize;
  /** Show the rules' own sentence (the review page wants it; the tablet has no room for it). */
  withMessage?: boolean;
}

const SMALLER: Partial<Record<MantineSize, MantineSize>> = {
  xl: 'lg',
  lg: 'md',
  md: 'sm',
  sm: 'xs',
  xs: 'xs',
};

/** One criterion: label, pass/fail, measured value against its range, and the correction when it failed. */
export function CriterionRow({
  criterion,
  testId = 'criterion',
  size = 'md',
  withMessage = false,
}: CriterionRowProps) {
  const small = SMALLER[size] ?? 'sm';
  const failed = criterion.passed === false;
  return (
    <Box
      className={classes.row}
      data-testid={testId}
      data-criterion-id={criterion.id}
      data-passed={passState(criterion.passed)}
    >
      <div className={classes.mark}>
        <PassMark passed={criterion.passed} size={size} />
      </div>
      <Stack gap={2}>
        <Text fw={700} size={size} lh={1.25}>
          {criterion.label}
        </Text>
        <div className={classes.figures}>
          <Text size={small}>
            Measured <strong>{formatMeasured(criterion)}</strong>
          </Text>
          <Text size={small} c="dimmed">
            Pass range {formatRange(criterion)}
          </Text>
        </div>
        {withMessage && (
          <Text size={small} c="dimmed">
            {criterion.message}
          </Text>
        )}
      </Stack>
      {criterion.correction && (
        <Text
          className={classes.correction}
          size={failed ? size : small}
          c={failed ? undefined : 'dimmed'}
          fw={failed ? 700 : 400}
          data-testid="criterion-correction"
        >
          <IconArrowRight size={failed ? 24 : 16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <span>{capitalise(criterion.correction)}</span>
        </Text>
      )}
    </Box>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
