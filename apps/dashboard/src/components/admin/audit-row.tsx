import Link from 'next/link';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { AuditEventJson } from '@spineqc/contracts';
import { auditDetailText, auditTargetExamId } from '@/lib/admin/audit-format';
import { examLink } from '@/lib/alerts/format';
import { auditActionLabel } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/qa/format';

/** Failures stand out: a refused sign-in is what an administrator scans the log for. */
const actionColor = (action: string) =>
  action === 'login.failed' ? 'red' : action.startsWith('login') ? 'teal' : 'indigo';

export function AuditRow({ event }: { event: AuditEventJson }) {
  const examId = auditTargetExamId(event.target);
  return (
    <Table.Tr data-testid="audit-row" data-action={event.action} data-audit-id={event.id}>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(event.at)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge
          variant="light"
          color={actionColor(event.action)}
          tt="none"
          title={event.action}
          // A table column must not squeeze the word into an ellipsis.
          style={{ minWidth: 'max-content' }}
        >
          {auditActionLabel(event.action)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="audit-actor">
          {event.actor}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-word' }} data-testid="audit-target">
          {examId ? (
            <Anchor component={Link} href={examLink(examId)} size="sm">
              {event.target}
            </Anchor>
          ) : (
            (event.target ?? '—')
          )}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {event.remoteAddress ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
          {auditDetailText(event.detail) || '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
