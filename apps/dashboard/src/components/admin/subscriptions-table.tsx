'use client';
import { Center, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import type { SubscriptionDto, SubscriptionWithSecretDto } from '@/lib/admin/types';
import { SubscriptionRow } from './subscription-row';

interface Props {
  subscriptions: SubscriptionDto[];
  loading: boolean;
  error: Error | undefined;
  onChanged: (subscription: SubscriptionDto) => void;
  onDeleted: (id: string) => void;
  onRotated: (rotated: SubscriptionWithSecretDto) => void;
}

export function SubscriptionsTable({ subscriptions, loading, error, ...handlers }: Props) {
  return (
    <Paper withBorder p="md" aria-labelledby="subscriptions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="subscriptions-title">
          Subscriptions
        </Title>
        {error && <ApiErrorAlert title="Could not load the subscriptions" error={error} />}
        {loading ? (
          <Center h={80}>
            <Loader aria-label="Loading subscriptions" />
          </Center>
        ) : subscriptions.length === 0 ? (
          <Text c="dimmed" data-testid="subscriptions-empty">
            No subscriptions yet: add a receiver below to be told about verdicts and alerts.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Receiver</Table.Th>
                  <Table.Th scope="col">Events</Table.Th>
                  <Table.Th scope="col">Filters</Table.Th>
                  <Table.Th scope="col">Delivery</Table.Th>
                  <Table.Th scope="col">Secret</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {subscriptions.map((subscription) => (
                  <SubscriptionRow key={subscription.id} subscription={subscription} {...handlers} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
