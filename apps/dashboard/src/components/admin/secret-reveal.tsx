'use client';
import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';

export interface RevealedSecret {
  url: string;
  secret: string;
  /** 'created' or 'rotated': the wording differs, the warning does not. */
  reason: 'created' | 'rotated';
}

/** The signing secret, the one time the API hands it out, with a copy button and the warning that it goes away. */
export function SecretReveal({ revealed, onClose }: { revealed: RevealedSecret; onClose: () => void }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconKey aria-hidden />}
      title={
        revealed.reason === 'created' ? 'Subscription created: its signing secret' : 'New signing secret'
      }
      withCloseButton
      closeButtonLabel="Hide the secret"
      onClose={onClose}
      role="status"
    >
      <Stack gap="xs">
        <Text size="sm">
          For <strong>{revealed.url}</strong>. Copy it into the receiver now: it will not be shown again.
          {revealed.reason === 'rotated' && ' The old secret no longer signs.'}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code data-testid="subscription-secret" style={{ wordBreak: 'break-all', fontSize: 14 }}>
            {revealed.secret}
          </Code>
          <CopyButton value={revealed.secret}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy the secret'} withArrow>
                <ActionIcon
                  variant="light"
                  size="lg"
                  color={copied ? 'teal' : 'gray'}
                  onClick={copy}
                  aria-label={copied ? 'Copied' : 'Copy the secret'}
                  data-testid="subscription-secret-copy"
                >
                  {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
