'use client';
import { SimpleGrid, Slider, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { WindowLevel, WindowLimits } from '@/lib/review/window-level';

export interface WindowSlidersProps {
  value: WindowLevel;
  limits: WindowLimits;
  onChange: (value: WindowLevel) => void;
}

function WindowSlider({
  label,
  testId,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  testId: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
}) {
  const labelId = useId();
  // About 400 steps over the range: fine enough to set, coarse enough that arrow keys move visibly.
  const step = Math.max(1, Math.round((max - min) / 400));
  return (
    <Stack gap={2}>
      <Text size="sm" id={labelId} fw={500}>
        {label}: {Math.round(value)}
      </Text>
      <Slider
        data-testid={testId}
        data-value={Math.round(value)}
        aria-labelledby={labelId}
        thumbLabel={label}
        min={min}
        max={max}
        step={step}
        value={Math.min(max, Math.max(min, value))}
        onChange={onChange}
        label={null}
      />
    </Stack>
  );
}

/** Window centre and width as sliders, over the stored values the image actually holds. */
export function WindowSliders({ value, limits, onChange }: WindowSlidersProps) {
  return (
    <SimpleGrid cols={2} spacing="lg">
      <WindowSlider
        label="Window centre"
        testId="review-window-center"
        value={value.center}
        min={limits.centerMin}
        max={limits.centerMax}
        onChange={(center) => onChange({ ...value, center })}
      />
      <WindowSlider
        label="Window width"
        testId="review-window-width"
        value={value.width}
        min={limits.widthMin}
        max={limits.widthMax}
        onChange={(width) => onChange({ ...value, width })}
      />
    </SimpleGrid>
  );
}
