import { Table, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { durationText, outcomeText } from '@/lib/admin/deliveries';
import type { DeliveryAttemptDto } from '@/lib/admin/types';
import { formatDateTime } from '@/lib/qa/format';

/** Every attempt of one delivery, oldest first (those before a redelivery too). */
export function DeliveryAttempts({ attempts, id }: { attempts: DeliveryAttemptDto[]; id: string }) {
  if (attempts.length === 0) {
    return (
      <Text size="sm" c="dimmed" id={id}>
        Not attempted yet.
      </Text>
    );
  }
  return (
    <Table id={id} withRowBorders={false} verticalSpacing={4} fz="sm" aria-label="Attempt log">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">#</Table.Th>
          <Table.Th scope="col">When</Table.Th>
          <Table.Th scope="col">Result</Table.Th>
          <Table.Th scope="col">Answer</Table.Th>
          <Table.Th scope="col">Took</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {attempts.map((attempt, index) => (
          <Table.Tr key={attempt.id} data-testid="delivery-attempt" data-ok={attempt.ok}>
            <Table.Td>{index + 1}</Table.Td>
            <Table.Td>{formatDateTime(attempt.attemptedAt)}</Table.Td>
            <Table.Td>
              {attempt.ok ? (
                <Text span size="sm" c="teal.8" fw={600}>
                  <IconCircleCheck size={14} aria-hidden /> Accepted
                </Text>
              ) : (
                <Text span size="sm" c="red.8" fw={600}>
                  <IconCircleX size={14} aria-hidden /> Failed
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>{outcomeText(attempt)}</Table.Td>
            <Table.Td>{durationText(attempt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
