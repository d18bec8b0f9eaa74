'use client';
import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconAdjustments, IconMaximize, IconZoomIn, IconZoomOut } from '@tabler/icons-react';

export interface ViewerToolbarProps {
  /** Screen pixels per image pixel, in %; null before the stage is measured. */
  zoomPercent: number | null;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  onResetWindow: () => void;
}

export function ViewerToolbar({
  zoomPercent,
  onZoomIn,
  onZoomOut,
  onFit,
  onResetWindow,
}: ViewerToolbarProps) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Group gap={6} wrap="nowrap">
        <Tooltip label="Zoom out (−)">
          <ActionIcon
            variant="default"
            size="lg"
            onClick={onZoomOut}
            aria-label="Zoom out"
            data-testid="review-zoom-out"
          >
            <IconZoomOut size={20} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Text size="sm" w={56} ta="center" aria-live="polite" aria-label="Zoom" c="dimmed">
          {zoomPercent === null ? '—' : `${Math.round(zoomPercent)} %`}
        </Text>
        <Tooltip label="Zoom in (+)">
          <ActionIcon
            variant="default"
            size="lg"
            onClick={onZoomIn}
            aria-label="Zoom in"
            data-testid="review-zoom-in"
          >
            <IconZoomIn size={20} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconMaximize size={16} aria-hidden />}
          onClick={onFit}
        >
          Fit
        </Button>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconAdjustments size={16} aria-hidden />}
          onClick={onResetWindow}
          data-testid="review-window-reset"
        >
          Reset
        </Button>
      </Group>
      <Text size="xs" c="dimmed" ta="right">
        Drag: pan · Wheel: zoom · Right-drag or Shift+drag: window/level (→ width, ↓ centre)
      </Text>
    </Group>
  );
}
