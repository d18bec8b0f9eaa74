'use client';
import { Alert, Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { ExamDetailDto } from '@/lib/api-client';
import { structuresPresent } from '@/lib/review/mask-layers';
import { defaultOverlay } from '@/lib/review/overlay-defaults';
import { loadExamImage, loadMaskLayers } from '@/lib/review/review-api';
import { formatView } from '@/lib/review/review-format';
import { levelBoxes } from '@/lib/review/vertebra-boxes';
import { ApiErrorAlert } from './api-error-alert';
import { OverlayControls } from './overlay-controls';
import { ReviewViewer } from './review-viewer';
import { useAsync } from './use-async';
import { useOverlaySelection } from './use-overlay-selection';
import classes from './review-image-panel.module.css';

/** The viewer with its overlay switches: loads the stored pixels and, once judged, the segmentation. */
export function ReviewImagePanel({ exam }: { exam: ExamDetailDto }) {
  const image = useAsync(`pixels ${exam.id}`, (signal) => loadExamImage(exam.id, signal));
  const judged = exam.status === 'judged';
  const masks = useAsync(`masks ${exam.id} ${exam.status}`, (signal) =>
    judged ? loadMaskLayers(exam.id, signal) : Promise.resolve(null),
  );
  const criteria = exam.verdict?.criteria;
  const defaults = useMemo(() => defaultOverlay(criteria ?? []), [criteria]);
  const controls = useOverlaySelection(defaults);
  const present = useMemo(() => (masks.data ? structuresPresent(masks.data) : null), [masks.data]);

  const vertebrae = exam.verdict?.vertebrae;
  const original =
    exam.image?.width && exam.image.height ? { width: exam.image.width, height: exam.image.height } : null;
  const displayed = image.data?.image;
  const boxes = useMemo(
    () => (displayed && vertebrae ? levelBoxes(vertebrae, original, displayed) : []),
    // original is derived from exam.image each render; its numbers are what matter
    [displayed, vertebrae, original?.width, original?.height],
  );

  const description = `${exam.view ? formatView(exam.view) : 'Lumbar spine'} radiograph from ${exam.station || 'an unnamed station'}`;

  return (
    <Paper withBorder p="sm" radius="md" className={classes.panel}>
      <div className={classes.grid}>
        <Stack gap="xs" miw={0}>
          {image.error !== undefined ? (
            <ApiErrorAlert title="The image could not be loaded" error={image.error} onRetry={image.reload} />
          ) : image.data ? (
            <ReviewViewer
              key={exam.id}
              loaded={image.data}
              masks={masks.data ?? null}
              enabled={controls.selection.structures}
              levels={controls.selection.levels ? boxes : null}
              description={description}
            />
          ) : (
            <Center h={480}>
              <Loader aria-label="Loading the image" />
            </Center>
          )}
          {image.data?.source === 'display' && (
            <Alert
              color="yellow"
              variant="light"
              icon={<IconInfoCircle aria-hidden />}
              p="xs"
              data-testid="review-fallback"
            >
              <Text size="xs">
                Showing the 8-bit display copy (/image): window/level works on its 256 greys only. The stored
                16-bit pixels could not be read: {image.data.fallbackReason}
              </Text>
            </Alert>
          )}
        </Stack>
        <OverlayControls
          controls={controls}
          present={present}
          masksLoading={masks.loading}
          masksError={masks.error}
          status={exam.status}
          levelCount={boxes.length}
        />
      </div>
    </Paper>
  );
}
