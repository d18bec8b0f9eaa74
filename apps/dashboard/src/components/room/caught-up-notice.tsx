import { Alert } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';

/** After a reconnect: the exams (or verdicts) taken while the tablet was not connected are now on screen. */
export function CaughtUpNotice({ count, onClose }: { count: number; onClose(): void }) {
  return (
    <Alert
      data-testid="caught-up"
      data-count={count}
      color="blue"
      variant="filled"
      icon={<IconHistory aria-hidden />}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      role="status"
      styles={{ message: { fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      Caught up {count} missed {count === 1 ? 'exam' : 'exams'}
    </Alert>
  );
}
