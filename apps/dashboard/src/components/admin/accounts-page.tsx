'use client';
import { useState } from 'react';
import { Alert, Center, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { AccountJson } from '@spineqc/contracts';
import { useSession } from '@/components/auth/session-provider';
import { useCursorList } from '@/components/alerts/use-cursor-list';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { listAccounts } from '@/lib/admin/accounts-api';
import { AccountForm } from './account-form';
import { AccountRow } from './account-row';
import { AdminPageHeader } from './admin-page-header';

/** People who sign in to the dashboard: create, change role, disable or enable, reset a forgotten password. */
export function AccountsPage() {
  const { session } = useSession();
  const accounts = useCursorList('accounts', async (_cursor, signal) => ({
    items: (await listAccounts({ signal })).items,
    nextCursor: null,
  }));
  const [notice, setNotice] = useState<string | null>(null);
  const replace = (changed: AccountJson) =>
    accounts.update((items) => items.map((a) => (a.id === changed.id ? changed : a)));

  return (
    <Stack gap="md" data-testid="accounts-page" maw={1200} mx="auto">
      <AdminPageHeader title="Accounts">
        Who may sign in, and with which role. Integrations use API tokens; room tablets are paired, not given
        accounts.
      </AdminPageHeader>
      {notice && (
        <Alert
          color="teal"
          icon={<IconCheck aria-hidden />}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setNotice(null)}
          role="status"
          data-testid="accounts-notice"
        >
          {notice}
        </Alert>
      )}
      <Paper withBorder p="md" aria-labelledby="accounts-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="accounts-title">
            Accounts
          </Title>
          {accounts.error && <ApiErrorAlert title="Could not load the accounts" error={accounts.error} />}
          {accounts.loading ? (
            <Center h={80}>
              <Loader aria-label="Loading accounts" />
            </Center>
          ) : accounts.items.length === 0 ? (
            !accounts.error && <Text c="dimmed">No accounts yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Person</Table.Th>
                    <Table.Th scope="col">Role</Table.Th>
                    <Table.Th scope="col">State</Table.Th>
                    <Table.Th scope="col">Last sign-in</Table.Th>
                    <Table.Th scope="col">Created</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {accounts.items.map((account) => (
                    <AccountRow
                      key={account.id}
                      account={account}
                      isSelf={session?.kind === 'user' && session.id === account.id}
                      onChanged={(changed, message) => {
                        replace(changed);
                        setNotice(message);
                      }}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
      <AccountForm
        onCreated={(created) => {
          accounts.update((items) => [...items, created]);
          setNotice(
            `Account ${created.username} created. Give ${created.displayName} the initial password; they can change it from the account menu.`,
          );
        }}
      />
    </Stack>
  );
}
