'use client';
import { Code, Stack, Table, Text } from '@mantine/core';
import type { TokenJson } from '@spineqc/contracts';
import { revokeToken } from '@/lib/admin/accounts-api';
import { tokenState } from '@/lib/admin/token-form';
import { formatDateTime } from '@/lib/qa/format';
import { AccessStateBadge } from './access-state-badge';
import { RevokeButton } from './revoke-button';
import { RowActionError } from './row-action-error';
import { useRowAction } from './use-row-action';

const COLUMNS = 7;

export function TabletRow({
  tablet,
  now,
  onChanged,
}: {
  tablet: TokenJson;
  now: Date;
  onChanged: (t: TokenJson) => void;
}) {
  const action = useRowAction<'unpair'>();
  const state = tokenState(tablet, now);
  return (
    <>
      <Table.Tr
        data-testid="tablet-row"
        data-name={tablet.name}
        data-token-id={tablet.id}
        data-station={tablet.station}
        data-state={state}
      >
        <Table.Td>
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {tablet.name}
            </Text>
            <Code fz="xs" w="fit-content">
              {tablet.prefix}…
            </Code>
          </Stack>
        </Table.Td>
        <Table.Td>
          <Text size="sm" fw={600}>
            {tablet.station ?? '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{tablet.createdBy ?? '—'}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{formatDateTime(tablet.createdAt)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{tablet.lastUsedAt ? formatDateTime(tablet.lastUsedAt) : 'Not yet'}</Text>
        </Table.Td>
        <Table.Td>
          <AccessStateBadge state={state} testId="tablet-state" />
        </Table.Td>
        <Table.Td>
          {state !== 'revoked' && (
            <RevokeButton
              label="Unpair"
              title={`Unpair “${tablet.name}”?`}
              question={`The tablet in ${tablet.station ?? 'its room'} is disconnected at once and shows the sign-in page; pairing it again needs a new link.`}
              loading={action.busy === 'unpair'}
              onConfirm={() =>
                void action.run('unpair', `Could not unpair “${tablet.name}”`, async () =>
                  onChanged(await revokeToken(tablet.id)),
                )
              }
              testId="tablet-unpair"
            />
          )}
        </Table.Td>
      </Table.Tr>
      <RowActionError error={action.error} columns={COLUMNS} />
    </>
  );
}
