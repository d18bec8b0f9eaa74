'use client';
import {
  Alert,
  Button,
  ColorSwatch,
  Divider,
  Group,
  Loader,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { STRUCTURES } from '@spineqc/qc-standard';
import { IconInfoCircle } from '@tabler/icons-react';
import { rgbCss, STRUCTURE_COLOURS, STRUCTURE_NAMES } from '@/lib/review/structure-colours';
import { ApiErrorAlert } from './api-error-alert';
import type { OverlaySelectionControls } from './use-overlay-selection';

export interface OverlayControlsProps {
  controls: OverlaySelectionControls;
  /** Structures with at least one pixel; null until the segmentation is loaded. */
  present: ReadonlySet<string> | null;
  masksLoading: boolean;
  masksError: unknown;
  /** 'received' = still being analysed, 'failed' = never judged: either way there is no segmentation. */
  status: 'received' | 'judged' | 'failed';
  levelCount: number;
}

export function OverlayControls({
  controls,
  present,
  masksLoading,
  masksError,
  status,
  levelCount,
}: OverlayControlsProps) {
  const pending = status === 'received';
  const { selection, setStructure, setLevels, showAll, showNone } = controls;
  const masksReady = present !== null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="overlay-heading">
      <Group justify="space-between" wrap="nowrap">
        <Title order={3} size="h5" id="overlay-heading">
          Overlay
        </Title>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" variant="default" onClick={showAll} data-testid="overlay-all">
            All
          </Button>
          <Button size="compact-sm" variant="default" onClick={showNone} data-testid="overlay-none">
            None
          </Button>
        </Group>
      </Group>
      {pending && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} p="xs">
          <Text size="xs">The segmentation appears when the verdict is in.</Text>
        </Alert>
      )}
      {status === 'failed' && (
        <Text size="xs" c="dimmed">
          The exam could not be judged: there is no segmentation to show.
        </Text>
      )}
      {status === 'judged' && masksLoading && !masksReady && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="xs">Loading the segmentation…</Text>
        </Group>
      )}
      {status === 'judged' && masksError !== undefined && (
        <ApiErrorAlert title="Segmentation not available" error={masksError} testId="overlay-error" />
      )}
      {STRUCTURES.map((structure) => {
        const empty = masksReady && !present.has(structure);
        return (
          <Switch
            key={structure}
            data-testid="overlay-toggle"
            data-structure={structure}
            checked={selection.structures.has(structure)}
            onChange={(event) => setStructure(structure, event.currentTarget.checked)}
            disabled={!masksReady}
            size="md"
            label={
              <Group gap={8} wrap="nowrap">
                <ColorSwatch color={rgbCss(STRUCTURE_COLOURS[structure])} size={14} withShadow={false} />
                <Text size="sm" c={empty ? 'dimmed' : undefined}>
                  {STRUCTURE_NAMES[structure]}
                </Text>
              </Group>
            }
            description={empty ? 'none in this film' : undefined}
          />
        );
      })}
      <Divider />
      <Switch
        data-testid="overlay-toggle"
        data-structure="levels"
        checked={selection.levels}
        onChange={(event) => setLevels(event.currentTarget.checked)}
        disabled={levelCount === 0}
        size="md"
        label="Vertebral levels"
        description={
          levelCount > 0
            ? `${levelCount} boxes with their level`
            : status === 'judged'
              ? 'no vertebrae found'
              : 'none until the verdict is in'
        }
      />
    </Stack>
  );
}
