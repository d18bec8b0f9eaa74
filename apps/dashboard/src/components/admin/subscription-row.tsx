'use client';
import { useState } from 'react';
import { Badge, Code, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { eventLabel } from '@/lib/admin/events';
import { filtersSummary } from '@/lib/admin/subscription-form';
import type { SubscriptionDto, SubscriptionWithSecretDto } from '@/lib/admin/types';
import { deleteSubscription, rotateSecret, updateSubscription } from '@/lib/admin/webhooks-api';
import { ConfirmButton } from './confirm-button';

interface Props {
  subscription: SubscriptionDto;
  onChanged: (subscription: SubscriptionDto) => void;
  onDeleted: (id: string) => void;
  onRotated: (rotated: SubscriptionWithSecretDto) => void;
}

const toError = (caught: unknown) => (caught instanceof Error ? caught : new Error(String(caught)));

export function SubscriptionRow({ subscription, onChanged, onDeleted, onRotated }: Props) {
  const [busy, setBusy] = useState<'active' | 'rotate' | 'delete' | null>(null);
  const [error, setError] = useState<{ what: string; error: Error } | null>(null);

  async function run(kind: 'active' | 'rotate' | 'delete', what: string, action: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError({ what, error: toError(caught) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <Table.Tr data-testid="subscription-row" data-subscription-id={subscription.id}>
        <Table.Td>
          <Stack gap={2}>
            <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
              {subscription.url}
            </Text>
            {subscription.description && (
              <Text size="xs" c="dimmed">
                {subscription.description}
              </Text>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Group gap={4}>
            {subscription.eventTypes.map((type) => (
              <Badge key={type} variant="light" tt="none" title={type}>
                {eventLabel(type)}
              </Badge>
            ))}
          </Group>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{filtersSummary(subscription)}</Text>
        </Table.Td>
        <Table.Td>
          <Switch
            checked={subscription.active}
            disabled={busy === 'active'}
            label={subscription.active ? 'Active' : 'Paused'}
            aria-label={`Deliver to ${subscription.url}`}
            size="md"
            onChange={(event) => {
              const active = event.currentTarget.checked;
              void run('active', active ? 'Could not resume it' : 'Could not pause it', async () =>
                onChanged(await updateSubscription(subscription.id, { active })),
              );
            }}
            data-testid="subscription-active"
          />
        </Table.Td>
        <Table.Td>
          <Code>{subscription.maskedSecret}</Code>
        </Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <ConfirmButton
              variant="default"
              size="xs"
              color="orange"
              loading={busy === 'rotate'}
              title="Rotate the signing secret?"
              question={`The receiver at ${subscription.url} must be given the new secret: deliveries are signed with it from now on and the old one stops at once.`}
              confirmLabel="Rotate secret"
              onConfirm={() =>
                void run('rotate', 'Could not rotate the secret', async () =>
                  onRotated(await rotateSecret(subscription.id)),
                )
              }
              testId="subscription-rotate"
            >
              Rotate secret
            </ConfirmButton>
            <ConfirmButton
              variant="light"
              size="xs"
              color="red"
              loading={busy === 'delete'}
              title="Delete this subscription?"
              question={`Nothing more will be sent to ${subscription.url}. This cannot be undone.`}
              confirmLabel="Delete"
              onConfirm={() =>
                void run('delete', 'Could not delete the subscription', async () => {
                  await deleteSubscription(subscription.id);
                  onDeleted(subscription.id);
                })
              }
              testId="subscription-delete"
            >
              Delete
            </ConfirmButton>
          </Group>
        </Table.Td>
      </Table.Tr>
      {error && (
        <Table.Tr>
          <Table.Td colSpan={6}>
            <ApiErrorAlert title={error.what} error={error.error} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
