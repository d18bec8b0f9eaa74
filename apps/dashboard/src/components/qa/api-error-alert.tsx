'use client';
import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiRequestError } from '@/lib/api-client';

/** An API failure as the user sees it: what failed, and the API's own message and code. */
export function ApiErrorAlert({ title, error }: { title: string; error: Error }) {
  const detail =
    error instanceof ApiRequestError
      ? `${error.message} (HTTP ${error.status}, ${error.code})`
      : error.message;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle aria-hidden />} role="alert">
      {detail}
    </Alert>
  );
}
