'use client';
import { useState } from 'react';
import {
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useAutoReload } from '@/components/alerts/use-auto-reload';
import { LoadMore } from '@/components/alerts/load-more';
import { useCursorList } from '@/components/alerts/use-cursor-list';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { DELIVERY_STATUS_WORDS, deliveriesQuery } from '@/lib/admin/deliveries';
import { DELIVERY_STATUSES, type DeliveryStatus, type SubscriptionDto } from '@/lib/admin/types';
import { listDeliveries } from '@/lib/admin/webhooks-api';
import { DeliveryRow } from './delivery-row';

const PAGE_SIZE = 25;
const RELOAD_MS = 10_000;

/** The outbox, newest first: every delivery with its state and attempts, filterable, refreshing itself. */
export function DeliveriesTable({ subscriptions }: { subscriptions: SubscriptionDto[] }) {
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [subscriptionId, setSubscriptionId] = useState('');
  const query = deliveriesQuery({ status, subscriptionId }, PAGE_SIZE);
  const list = useCursorList(JSON.stringify(query), (cursor, signal) =>
    listDeliveries({ ...query, cursor }, { signal }),
  );
  useAutoReload(list.reload, RELOAD_MS, !list.extended);
  const targets = new Map(subscriptions.map((s) => [s.id, s.url]));

  return (
    <Paper withBorder p="md" aria-labelledby="deliveries-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h4" id="deliveries-title">
              Deliveries
            </Title>
            <Text size="sm" c="dimmed">
              Every webhook sent or waiting, newest first. Failed sends are retried with backoff, then
              dead-lettered.
            </Text>
          </div>
          <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={list.reload}>
            Refresh
          </Button>
        </Group>
        <Group gap="md" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label="Status"
            data={[
              { value: '', label: 'Any status' },
              ...DELIVERY_STATUSES.map((s) => ({ value: s, label: DELIVERY_STATUS_WORDS[s] })),
            ]}
            value={status}
            onChange={(value) => setStatus(value as DeliveryStatus | '')}
            data-testid="delivery-status-filter"
          />
          <Select
            aria-label="Subscription"
            data={[
              { value: '', label: 'Every subscription' },
              ...subscriptions.map((s) => ({ value: s.id, label: s.url })),
            ]}
            value={subscriptionId}
            onChange={(value) => setSubscriptionId(value ?? '')}
            allowDeselect={false}
            w={320}
            data-testid="delivery-subscription-filter"
          />
        </Group>
        {list.error && <ApiErrorAlert title="Could not load the deliveries" error={list.error} />}
        {list.loading ? (
          <Center h={80}>
            <Loader aria-label="Loading deliveries" />
          </Center>
        ) : list.items.length === 0 ? (
          <Text c="dimmed" data-testid="deliveries-empty">
            {status || subscriptionId ? 'No deliveries match these filters.' : 'Nothing has been sent yet.'}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={1000}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Queued</Table.Th>
                  <Table.Th scope="col">Event</Table.Th>
                  <Table.Th scope="col">Receiver</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Attempts</Table.Th>
                  <Table.Th scope="col">Last answer</Table.Th>
                  <Table.Th scope="col">Next attempt</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              {list.items.map((delivery) => (
                <DeliveryRow
                  key={delivery.id}
                  delivery={delivery}
                  target={targets.get(delivery.subscriptionId)}
                  onChanged={(changed) =>
                    list.update((items) => items.map((d) => (d.id === changed.id ? changed : d)))
                  }
                />
              ))}
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore list={list} what="deliveries" testId="deliveries-load-more" />
      </Stack>
    </Paper>
  );
}
