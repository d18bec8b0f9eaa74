import { useEffect, useState, type ReactNode } from 'react';
import { Loader, Stack, Text } from '@mantine/core';
import { IconPhotoOff } from '@tabler/icons-react';
import { examOverlayUrl } from '@/lib/api-client';
import { personName, viewName } from '@/lib/live/display';
import type { RoomExam } from '@/lib/live/room-state';
import classes from './room-tablet.module.css';

/** The verdict event can beat the stored segmentation by a moment (the API answers 409): try again shortly. */
const OVERLAY_RETRIES = 4;
const RETRY_DELAY_MS = 700;

/**
 * The radiograph with the API's overlay (structures, levels, the failing criterion highlighted). The overlay
 * exists only once the exam is judged, so an image being analysed shows a placeholder. Mount it per exam (key).
 */
export function VerdictImage({ exam }: { exam: RoomExam | null }) {
  const [failures, setFailures] = useState(0);
  const [retryAt, setRetryAt] = useState(0);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    if (failures === 0 || failures > OVERLAY_RETRIES) return;
    const timer = setTimeout(() => setRetryAt(failures), RETRY_DELAY_MS * failures);
    return () => clearTimeout(timer);
  }, [failures]);

  if (!exam) return <Placeholder text="No image yet" />;
  if (exam.status === 'received')
    return (
      <Placeholder text="Analysing the image…">
        <Loader color="gray.4" size="lg" aria-hidden />
      </Placeholder>
    );
  if (exam.status === 'failed') return <Placeholder text="No overlay: the image could not be judged" icon />;
  if (failures > OVERLAY_RETRIES)
    return (
      <Placeholder
        text="The overlay image could not be loaded from the API"
        icon
        testId="verdict-image-error"
      />
    );
  const src = examOverlayUrl(exam.examId) + (retryAt > 0 ? `?attempt=${retryAt}` : '');
  return (
    <>
      {!loaded && (
        <Placeholder text="Loading the image…">
          <Loader color="gray.4" size="lg" aria-hidden />
        </Placeholder>
      )}
      {/* A plain <img>: the API renders this PNG per exam, there is nothing for next/image to optimise. */}
      <img
        className={classes.image}
        style={loaded ? undefined : { display: 'none' }}
        src={src}
        alt={`${viewName(exam.view)} radiograph${exam.operator ? ` by ${personName(exam.operator)}` : ''} with the segmentation overlay`}
        data-testid="verdict-image"
        data-exam-id={exam.examId}
        onLoad={() => setLoaded(true)}
        onError={() => setFailures((n) => (n === retryAt ? n + 1 : n))}
      />
    </>
  );
}

function Placeholder({
  text,
  icon = false,
  testId = 'verdict-image-placeholder',
  children,
}: {
  text: string;
  icon?: boolean;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <Stack className={classes.placeholder} align="center" gap="sm" data-testid={testId}>
      {icon && <IconPhotoOff size={56} aria-hidden />}
      {children}
      <Text size="xl" c="inherit">
        {text}
      </Text>
    </Stack>
  );
}
