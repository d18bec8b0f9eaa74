'use client';
import { Code, Stack, Table, Text } from '@mantine/core';
import type { TokenJson } from '@spineqc/contracts';
import { revokeToken } from '@/lib/admin/accounts-api';
import { tokenState } from '@/lib/admin/token-form';
import { roleLabel } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/qa/format';
import { AccessStateBadge } from './access-state-badge';
import { RevokeButton } from './revoke-button';
import { RowActionError } from './row-action-error';
import { useRowAction } from './use-row-action';

const COLUMNS = 8;

export function TokenRow({
  token,
  now,
  onChanged,
}: {
  token: TokenJson;
  now: Date;
  onChanged: (t: TokenJson) => void;
}) {
  const action = useRowAction<'revoke'>();
  const state = tokenState(token, now);
  return (
    <>
      <Table.Tr data-testid="token-row" data-token-id={token.id} data-name={token.name} data-state={state}>
        <Table.Td>
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {token.name}
            </Text>
            <Code fz="xs" w="fit-content" data-testid="token-prefix">
              {token.prefix}…
            </Code>
          </Stack>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{roleLabel(token.role)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{token.createdBy ?? '—'}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{formatDateTime(token.createdAt)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{token.expiresAt ? formatDateTime(token.expiresAt) : 'Never'}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</Text>
        </Table.Td>
        <Table.Td>
          <AccessStateBadge state={state} testId="token-state" />
        </Table.Td>
        <Table.Td>
          {state !== 'revoked' && (
            <RevokeButton
              label="Revoke"
              title={`Revoke “${token.name}”?`}
              question={`Whatever uses the token ${token.prefix}… is refused from now on. This cannot be undone: a new token would have to be made and installed.`}
              loading={action.busy === 'revoke'}
              onConfirm={() =>
                void action.run('revoke', `Could not revoke “${token.name}”`, async () =>
                  onChanged(await revokeToken(token.id)),
                )
              }
              testId="token-revoke"
            />
          )}
        </Table.Td>
      </Table.Tr>
      <RowActionError error={action.error} columns={COLUMNS} />
    </>
  );
}
