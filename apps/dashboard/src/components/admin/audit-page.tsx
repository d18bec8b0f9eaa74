'use client';
import { useState } from 'react';
import { Button, Center, Group, Loader, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { LoadMore } from '@/components/alerts/load-more';
import { useCursorList } from '@/components/alerts/use-cursor-list';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { listAudit } from '@/lib/admin/accounts-api';
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS } from '@/lib/auth/roles';
import { AdminPageHeader } from './admin-page-header';
import { AuditRow } from './audit-row';

const PAGE_SIZE = 50;

const ACTION_OPTIONS = [
  { value: '', label: 'Every action' },
  ...AUDIT_ACTIONS.map((action) => ({ value: action, label: `${AUDIT_ACTION_LABELS[action]} (${action})` })),
];

/** Who signed in, who changed what: newest first, filterable by action, paged. */
export function AuditPage() {
  const [action, setAction] = useState('');
  const query = { action: action || undefined, limit: PAGE_SIZE };
  const list = useCursorList(JSON.stringify(query), (cursor, signal) =>
    listAudit({ ...query, cursor }, { signal }),
  );

  return (
    <Stack gap="md" data-testid="audit-page" maw={1300} mx="auto">
      <AdminPageHeader title="Audit log">
        Sign-ins (and refused ones), account, token and webhook changes, and feedback, newest first. Nothing
        here can be edited.
      </AdminPageHeader>
      <Paper withBorder p="md" aria-label="Audit events">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <NativeSelect
              label="Action"
              data={ACTION_OPTIONS}
              value={action}
              onChange={(e) => setAction(e.currentTarget.value)}
              w={360}
              data-testid="audit-action-filter"
            />
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={list.reload}
            >
              Refresh
            </Button>
          </Group>
          {list.error && <ApiErrorAlert title="Could not load the audit log" error={list.error} />}
          {list.loading ? (
            <Center h={80}>
              <Loader aria-label="Loading the audit log" />
            </Center>
          ) : list.items.length === 0 ? (
            !list.error && (
              <Text c="dimmed" data-testid="audit-empty">
                {action ? 'No events of this kind.' : 'Nothing recorded yet.'}
              </Text>
            )
          ) : (
            <Table.ScrollContainer minWidth={1000}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Time</Table.Th>
                    <Table.Th scope="col">Action</Table.Th>
                    <Table.Th scope="col">Actor</Table.Th>
                    <Table.Th scope="col">Target</Table.Th>
                    <Table.Th scope="col">Address</Table.Th>
                    <Table.Th scope="col">Detail</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((event) => (
                    <AuditRow key={event.id} event={event} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <LoadMore list={list} what="events" testId="audit-load-more" />
        </Stack>
      </Paper>
    </Stack>
  );
}
