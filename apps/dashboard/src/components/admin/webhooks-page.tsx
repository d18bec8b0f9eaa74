'use client';
import { useState } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useCursorList } from '@/components/alerts/use-cursor-list';
import type { SubscriptionWithSecretDto } from '@/lib/admin/types';
import { listSubscriptions } from '@/lib/admin/webhooks-api';
import { DeliveriesTable } from './deliveries-table';
import { SecretReveal, type RevealedSecret } from './secret-reveal';
import { SubscriptionForm } from './subscription-form';
import { SubscriptionsTable } from './subscriptions-table';

/** The webhook admin page: subscriptions (create, pause, rotate, delete) and the delivery outbox. */
export function WebhooksPage() {
  const subscriptions = useCursorList('subscriptions', async (_cursor, signal) => ({
    items: (await listSubscriptions({ signal })).items,
    nextCursor: null,
  }));
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);

  const reveal = (subscription: SubscriptionWithSecretDto, reason: RevealedSecret['reason']) =>
    setRevealed({ url: subscription.url, secret: subscription.secret, reason });
  // The list answer never carries the secret: keep only the masked form in the table.
  const withoutSecret = ({ secret: _secret, ...rest }: SubscriptionWithSecretDto) => rest;

  return (
    <Stack gap="md" data-testid="webhooks-page" maw={1200} mx="auto">
      <div>
        <Title order={1}>Webhooks</Title>
        <Text c="dimmed">
          Send verdicts (exam.judged) and alerts (alert.raised) to other systems, signed per the Standard
          Webhooks specification.
        </Text>
      </div>
      {revealed && <SecretReveal revealed={revealed} onClose={() => setRevealed(null)} />}
      <SubscriptionsTable
        subscriptions={subscriptions.items}
        loading={subscriptions.loading}
        error={subscriptions.error}
        onChanged={(changed) =>
          subscriptions.update((items) => items.map((s) => (s.id === changed.id ? changed : s)))
        }
        onDeleted={(id) => subscriptions.update((items) => items.filter((s) => s.id !== id))}
        onRotated={(rotated) => {
          reveal(rotated, 'rotated');
          subscriptions.update((items) =>
            items.map((s) => (s.id === rotated.id ? withoutSecret(rotated) : s)),
          );
        }}
      />
      <SubscriptionForm
        onCreated={(created) => {
          reveal(created, 'created');
          subscriptions.update((items) => [withoutSecret(created), ...items]);
        }}
      />
      <DeliveriesTable subscriptions={subscriptions.items} />
    </Stack>
  );
}
