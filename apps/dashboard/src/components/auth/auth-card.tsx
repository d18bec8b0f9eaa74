import type { ReactNode } from 'react';
import { Center, Paper, Stack, Text, Title } from '@mantine/core';

/** The sign-in and pairing pages: one card in the middle of an otherwise empty screen. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <Center mih="100dvh" p="md" bg="var(--mantine-color-gray-1)" component="main">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={440}>
        <Stack gap="md">
          <div>
            <Text fw={800} size="lg" c="indigo.8">
              SpineQC
            </Text>
            <Title order={1} size="h2">
              {title}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {intro}
            </Text>
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
