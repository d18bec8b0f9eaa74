'use client';
import { useState } from 'react';
import { Center, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { CreatedTokenJson } from '@spineqc/contracts';
import { useCursorList } from '@/components/alerts/use-cursor-list';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { listTokens } from '@/lib/admin/accounts-api';
import { sortTokens } from '@/lib/admin/token-form';
import { roleLabel } from '@/lib/auth/roles';
import { AdminPageHeader } from './admin-page-header';
import { ShownOnce } from './shown-once';
import { TokenForm } from './token-form';
import { TokenRow } from './token-row';

/** Tokens for integrations: create one (shown once), see which are in use, revoke. */
export function TokensPage() {
  const tokens = useCursorList('api-tokens', async (_cursor, signal) => ({
    items: (await listTokens('api', { signal })).items,
    nextCursor: null,
  }));
  const [created, setCreated] = useState<CreatedTokenJson | null>(null);
  const now = new Date();

  return (
    <Stack gap="md" data-testid="tokens-page" maw={1200} mx="auto">
      <AdminPageHeader title="API tokens">
        For integrations that call the API: a PACS bridge sending images (Ingest), a script reading
        statistics. Sent in the header <code>Authorization: Bearer &lt;token&gt;</code>.
      </AdminPageHeader>
      {created && (
        <ShownOnce
          title="Token created: copy it now"
          values={[{ label: 'API token', value: created.token, testId: 'token-created-value' }]}
          onClose={() => setCreated(null)}
        >
          “{created.name}”, role {roleLabel(created.role)}
          {created.expiresAt ? '' : ', no expiry'}. Put it into the integration now: it will not be shown
          again (only its first characters, {created.prefix}…, are kept).
        </ShownOnce>
      )}
      <Paper withBorder p="md" aria-labelledby="tokens-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="tokens-title">
            Tokens
          </Title>
          {tokens.error && <ApiErrorAlert title="Could not load the tokens" error={tokens.error} />}
          {tokens.loading ? (
            <Center h={80}>
              <Loader aria-label="Loading tokens" />
            </Center>
          ) : tokens.items.length === 0 ? (
            !tokens.error && (
              <Text c="dimmed" data-testid="tokens-empty">
                No API tokens yet.
              </Text>
            )
          ) : (
            <Table.ScrollContainer minWidth={1000}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Token</Table.Th>
                    <Table.Th scope="col">Role</Table.Th>
                    <Table.Th scope="col">Created by</Table.Th>
                    <Table.Th scope="col">Created</Table.Th>
                    <Table.Th scope="col">Expires</Table.Th>
                    <Table.Th scope="col">Last used</Table.Th>
                    <Table.Th scope="col">State</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sortTokens(tokens.items, now).map((token) => (
                    <TokenRow
                      key={token.id}
                      token={token}
                      now={now}
                      onChanged={(changed) =>
                        tokens.update((items) => items.map((t) => (t.id === changed.id ? changed : t)))
                      }
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
      <TokenForm
        onCreated={(token) => {
          setCreated(token);
          // The list never holds the token itself.
          const { token: _secret, ...listed } = token;
          tokens.update((items) => [listed, ...items]);
        }}
      />
    </Stack>
  );
}
