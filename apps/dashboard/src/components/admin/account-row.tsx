'use client';
import { useState } from 'react';
import { Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import type { AccountJson, UserRole } from '@spineqc/contracts';
import { updateAccount } from '@/lib/admin/accounts-api';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/qa/format';
import { AccessStateBadge } from './access-state-badge';
import { ROLE_OPTIONS } from './account-form';
import { ConfirmButton } from './confirm-button';
import { ResetPasswordModal } from './reset-password-modal';
import { RowActionError } from './row-action-error';
import { useRowAction } from './use-row-action';

export const ACCOUNT_COLUMNS = 6;

interface Props {
  account: AccountJson;
  /** The administrator looking at the page: they cannot lock themselves out from here. */
  isSelf: boolean;
  onChanged: (account: AccountJson, notice: string) => void;
}

export function AccountRow({ account, isSelf, onChanged }: Props) {
  const action = useRowAction<'role' | 'disabled'>();
  const [resetting, setResetting] = useState(false);
  const who = account.username;

  return (
    <>
      <Table.Tr
        data-testid="account-row"
        data-username={account.username}
        data-role={account.role}
        data-disabled={account.disabled}
      >
        <Table.Td>
          <Stack gap={0}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={600}>
                {account.displayName}
              </Text>
              {isSelf && (
                <Badge size="sm" variant="outline" tt="none">
                  You
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" ff="monospace">
              {account.username}
            </Text>
          </Stack>
        </Table.Td>
        <Table.Td>
          <NativeSelect
            aria-label={`Role of ${who}`}
            data={ROLE_OPTIONS}
            value={account.role}
            disabled={isSelf || action.busy === 'role'}
            title={isSelf ? 'Another administrator must change your own role' : undefined}
            onChange={(event) => {
              const role = event.currentTarget.value as UserRole;
              void action.run('role', `Could not change the role of ${who}`, async () =>
                onChanged(await updateAccount(account.id, { role }), `${who} is now: ${ROLE_LABELS[role]}.`),
              );
            }}
            data-testid="account-role-select"
            w={170}
          />
        </Table.Td>
        <Table.Td>
          <AccessStateBadge state={account.disabled ? 'disabled' : 'active'} testId="account-state" />
        </Table.Td>
        <Table.Td>
          <Text size="sm">{account.lastLoginAt ? formatDateTime(account.lastLoginAt) : 'Never'}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{formatDateTime(account.createdAt)}</Text>
        </Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            {isSelf ? (
              // A reset would end this very session too; one's own password is changed from the account menu.
              <Text size="xs" c="dimmed">
                Change your password from the account menu
              </Text>
            ) : (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconKey size={14} aria-hidden />}
                onClick={() => setResetting(true)}
                data-testid="account-reset-password"
              >
                Reset password
              </Button>
            )}
            {!isSelf &&
              (account.disabled ? (
                <Button
                  variant="light"
                  size="xs"
                  color="teal"
                  loading={action.busy === 'disabled'}
                  onClick={() =>
                    void action.run('disabled', `Could not enable ${who}`, async () =>
                      onChanged(
                        await updateAccount(account.id, { disabled: false }),
                        `${who} may sign in again.`,
                      ),
                    )
                  }
                  data-testid="account-enable"
                >
                  Enable
                </Button>
              ) : (
                <ConfirmButton
                  variant="light"
                  size="xs"
                  color="red"
                  loading={action.busy === 'disabled'}
                  title={`Disable ${who}?`}
                  question={`${account.displayName} is signed out at once, their API tokens are revoked, and they cannot sign in until enabled again.`}
                  confirmLabel="Disable"
                  onConfirm={() =>
                    void action.run('disabled', `Could not disable ${who}`, async () =>
                      onChanged(await updateAccount(account.id, { disabled: true }), `${who} is disabled.`),
                    )
                  }
                  testId="account-disable"
                >
                  Disable
                </ConfirmButton>
              ))}
          </Group>
        </Table.Td>
      </Table.Tr>
      <RowActionError error={action.error} columns={ACCOUNT_COLUMNS} />
      <ResetPasswordModal
        account={account}
        opened={resetting}
        onClose={() => setResetting(false)}
        onReset={(updated) => {
          setResetting(false);
          onChanged(updated, `The password of ${who} was reset; they were signed out everywhere.`);
        }}
      />
    </>
  );
}
