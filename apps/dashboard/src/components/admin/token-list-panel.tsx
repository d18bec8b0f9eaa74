'use client';
import type { ReactNode } from 'react';
import { Center, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TokenJson } from '@spineqc/contracts';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { sortTokens } from '@/lib/admin/token-form';

interface TokenList {
  items: TokenJson[];
  loading: boolean;
  error?: Error;
  update(change: (items: TokenJson[]) => TokenJson[]): void;
}

/**
 * The panel listing API tokens or paired tablets: loading, the API's refusal, an empty note, or the table with
 * active ones first; a row reports its changed token (e.g. revoked) to replace it in place.
 */
export function TokenListPanel({
  id,
  title,
  plural,
  list,
  empty,
  emptyTestId,
  columns,
  minWidth,
  row,
}: {
  id: string;
  title: string;
  /** "tokens" / "tablets", for the loading and error texts. */
  plural: string;
  list: TokenList;
  empty: string;
  emptyTestId: string;
  columns: string[];
  minWidth: number;
  row: (token: TokenJson, now: Date, onChanged: (changed: TokenJson) => void) => ReactNode;
}) {
  const now = new Date();
  const replace = (changed: TokenJson) =>
    list.update((items) => items.map((t) => (t.id === changed.id ? changed : t)));
  return (
    <Paper withBorder p="md" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {list.error && <ApiErrorAlert title={`Could not load the ${plural}`} error={list.error} />}
        {list.loading ? (
          <Center h={80}>
            <Loader aria-label={`Loading ${plural}`} />
          </Center>
        ) : list.items.length === 0 ? (
          !list.error && (
            <Text c="dimmed" data-testid={emptyTestId}>
              {empty}
            </Text>
          )
        ) : (
          <Table.ScrollContainer minWidth={minWidth}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th scope="col" key={column}>
                      {column}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sortTokens(list.items, now).map((token) => row(token, now, replace))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
