import { Button, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import Link from 'next/link';

/** What a stale link or a typo lands on: the id asked for, the API's answer, and a way back. */
export function ExamNotFound({ id, message }: { id: string; message: string }) {
  return (
    <Stack align="center" gap="md" py="xl" data-testid="review-not-found">
      <Title order={1} size="h2">
        No exam {id}
      </Title>
      <Text c="dimmed">The API answered: {message}</Text>
      <Button
        component={Link}
        href="/qa"
        variant="default"
        leftSection={<IconArrowLeft size={16} aria-hidden />}
      >
        Back to QA
      </Button>
    </Stack>
  );
}
