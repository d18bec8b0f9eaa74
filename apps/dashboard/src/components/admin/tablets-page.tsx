'use client';
import { useState } from 'react';
import { Center, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { CreatedTokenJson } from '@spineqc/contracts';
import { useCursorList } from '@/components/alerts/use-cursor-list';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { listTokens } from '@/lib/admin/accounts-api';
import { sortTokens } from '@/lib/admin/token-form';
import { pairingLink } from '@/lib/auth/pairing';
import { AdminPageHeader } from './admin-page-header';
import { ShownOnce } from './shown-once';
import { TabletPairForm } from './tablet-pair-form';
import { TabletRow } from './tablet-row';

interface Paired {
  created: CreatedTokenJson;
  link: string;
}

/** Room tablets: pair one to a room (a link to open on it, shown once), see which are in use, unpair. */
export function TabletsPage() {
  const tablets = useCursorList('device-tokens', async (_cursor, signal) => ({
    items: (await listTokens('device', { signal })).items,
    nextCursor: null,
  }));
  const [paired, setPaired] = useState<Paired | null>(null);
  const now = new Date();

  return (
    <Stack gap="md" data-testid="tablets-page" maw={1200} mx="auto">
      <AdminPageHeader title="Room tablets">
        A tablet beside a DR console is paired to its room: it shows that room&apos;s verdicts and nothing
        else, and needs no one to sign in.
      </AdminPageHeader>
      {paired && (
        <ShownOnce
          title={`Pairing link for ${paired.created.station}`}
          values={[
            { label: 'Pairing link', value: paired.link, testId: 'tablet-pairing-link' },
            { label: 'Token', value: paired.created.token, testId: 'tablet-pairing-token' },
          ]}
          onClose={() => setPaired(null)}
        >
          Open the link on the tablet “{paired.created.name}” (or open /pair there and paste the token). It
          pairs the tablet until you unpair it, and is not shown again.
        </ShownOnce>
      )}
      <Paper withBorder p="md" aria-labelledby="tablets-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="tablets-title">
            Paired tablets
          </Title>
          {tablets.error && <ApiErrorAlert title="Could not load the tablets" error={tablets.error} />}
          {tablets.loading ? (
            <Center h={80}>
              <Loader aria-label="Loading tablets" />
            </Center>
          ) : tablets.items.length === 0 ? (
            !tablets.error && (
              <Text c="dimmed" data-testid="tablets-empty">
                No tablet is paired yet.
              </Text>
            )
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Tablet</Table.Th>
                    <Table.Th scope="col">Room</Table.Th>
                    <Table.Th scope="col">Paired by</Table.Th>
                    <Table.Th scope="col">Paired</Table.Th>
                    <Table.Th scope="col">Last used</Table.Th>
                    <Table.Th scope="col">State</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sortTokens(tablets.items, now).map((tablet) => (
                    <TabletRow
                      key={tablet.id}
                      tablet={tablet}
                      now={now}
                      onChanged={(changed) =>
                        tablets.update((items) => items.map((t) => (t.id === changed.id ? changed : t)))
                      }
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
      <TabletPairForm
        onPaired={(created) => {
          setPaired({ created, link: pairingLink(window.location.origin, created.token) });
          const { token: _secret, ...listed } = created;
          tablets.update((items) => [listed, ...items]);
        }}
      />
    </Stack>
  );
}
