'use client';
import { Table } from '@mantine/core';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';

/** A table row under an admin row, saying what the last action tried and why the API refused it. */
export function RowActionError({
  error,
  columns,
}: {
  error: { what: string; error: Error } | null;
  columns: number;
}) {
  if (!error) return null;
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <ApiErrorAlert title={error.what} error={error.error} />
      </Table.Td>
    </Table.Tr>
  );
}
