import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiRequestError } from '@/lib/api-client';

const TITLES: Record<number, string> = {
  401: 'Not signed in',
  429: 'Too many attempts',
};

/** Why signing in (or pairing) failed, in the API's words: wrong credentials, a revoked token, rate limited. */
export function SignInError({ error, testId }: { error: Error; testId: string }) {
  const status = error instanceof ApiRequestError ? error.status : 0;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={TITLES[status] ?? 'Something went wrong'}
      role="alert"
      data-testid={testId}
      data-status={status || undefined}
    >
      {error.message}
    </Alert>
  );
}
