'use client';
import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiRequestError } from '@/lib/api-client';

/** The API's own message with its code, so a reader can tell "not merged yet" (404) from "broken" (500). */
export function errorText(error: unknown): string {
  if (error instanceof ApiRequestError) return `${error.message} (${error.code}, HTTP ${error.status})`;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function ApiErrorAlert({
  title,
  error,
  onRetry,
  testId,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
  testId?: string;
}) {
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertTriangle aria-hidden />}
      data-testid={testId}
    >
      <Text size="sm">{errorText(error)}</Text>
      {onRetry && (
        <Button mt="xs" size="xs" variant="white" color="red" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
