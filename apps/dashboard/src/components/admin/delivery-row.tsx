'use client';
import Link from 'next/link';
import { useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconSend } from '@tabler/icons-react';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { attemptsText, canRedeliver, lastOutcome, nextAttemptIso } from '@/lib/admin/deliveries';
import { eventLabel } from '@/lib/admin/events';
import type { DeliveryDto } from '@/lib/admin/types';
import { redeliver } from '@/lib/admin/webhooks-api';
import { examLink, shortExamId } from '@/lib/alerts/format';
import { formatDateTime } from '@/lib/qa/format';
import { DeliveryAttempts } from './delivery-attempts';
import { DeliveryStatusBadge } from './delivery-status-badge';

const COLUMNS = 8;

interface Props {
  delivery: DeliveryDto;
  /** The receiver's URL; undefined when the subscription is gone or not loaded. */
  target: string | undefined;
  onChanged: (delivery: DeliveryDto) => void;
}

/** One outbox row and, when opened, its attempt log; its own <tbody> so the two rows stay together. */
export function DeliveryRow({ delivery, target, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const logId = `delivery-${delivery.id}-attempts`;
  const next = nextAttemptIso(delivery);

  async function send() {
    setSending(true);
    setError(null);
    try {
      onChanged(await redeliver(delivery.id));
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSending(false);
    }
  }

  return (
    <Table.Tbody data-testid="delivery-row" data-delivery-id={delivery.id} data-status={delivery.status}>
      <Table.Tr>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(delivery.createdAt)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Stack gap={0}>
            <Text size="sm" fw={600} title={delivery.eventType}>
              {eventLabel(delivery.eventType)}
            </Text>
            {delivery.examId && (
              <Anchor component={Link} href={examLink(delivery.examId)} size="xs" ff="monospace">
                exam {shortExamId(delivery.examId)}
              </Anchor>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {target ?? 'Deleted subscription'}
          </Text>
        </Table.Td>
        <Table.Td>
          <DeliveryStatusBadge status={delivery.status} />
        </Table.Td>
        <Table.Td>
          <Text size="sm">{attemptsText(delivery)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ wordBreak: 'break-word' }}>
            {lastOutcome(delivery)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{next ? formatDateTime(next) : '—'}</Text>
        </Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="subtle"
              size="xs"
              leftSection={
                open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />
              }
              aria-expanded={open}
              aria-controls={logId}
              onClick={() => setOpen((o) => !o)}
              data-testid="delivery-toggle"
            >
              Attempts ({delivery.attemptLog.length})
            </Button>
            {canRedeliver(delivery.status) && (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconSend size={14} aria-hidden />}
                loading={sending}
                onClick={send}
                data-testid="delivery-redeliver"
              >
                Redeliver
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {(open || error) && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} bg="var(--mantine-color-gray-0)">
            <Stack gap="xs">
              {error && <ApiErrorAlert title="Could not redeliver" error={error} />}
              {open && <DeliveryAttempts attempts={delivery.attemptLog} id={logId} />}
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </Table.Tbody>
  );
}
