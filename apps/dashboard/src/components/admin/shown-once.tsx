'use client';
import type { ReactNode } from 'react';
import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';

export interface ShownValue {
  label: string;
  value: string;
  testId: string;
}

interface Props {
  title: string;
  children: ReactNode;
  /** Each value with a copy button (a pairing link and its raw token, or an API token). */
  values: ShownValue[];
  onClose: () => void;
}

/**
 * A credential the API hands out once (an API token, a tablet's pairing link): copy it now, it is not shown again.
 * The same pattern as the webhook secret.
 */
export function ShownOnce({ title, children, values, onClose }: Props) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconKey aria-hidden />}
      title={title}
      withCloseButton
      closeButtonLabel="Hide it"
      onClose={onClose}
      role="status"
      data-testid="shown-once"
    >
      <Stack gap="xs">
        <Text size="sm">{children}</Text>
        {values.map(({ label, value, testId }) => (
          <Stack key={testId} gap={2}>
            <Text size="xs" fw={700} c="dimmed">
              {label}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code data-testid={testId} style={{ wordBreak: 'break-all', fontSize: 14 }}>
                {value}
              </Code>
              <CopyButton value={value}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : `Copy the ${label.toLowerCase()}`} withArrow>
                    <ActionIcon
                      variant="light"
                      size="lg"
                      color={copied ? 'teal' : 'gray'}
                      onClick={copy}
                      aria-label={copied ? 'Copied' : `Copy the ${label.toLowerCase()}`}
                      data-testid={`${testId}-copy`}
                    >
                      {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
          </Stack>
        ))}
      </Stack>
    </Alert>
  );
}
