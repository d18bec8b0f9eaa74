'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Anchor, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { listExams, type ExamPageDto, type ExamSummaryDto } from '@/lib/api-client';
import { examVerdict } from '@/lib/qa/exam-verdict';
import { examsQuery, type QaFilters, type QualifiedFilter } from '@/lib/qa/filters';
import { criterionLabel, formatDateTime, personLabel, stationLabel, viewLabel } from '@/lib/qa/format';
import { ApiErrorAlert } from './api-error-alert';
import { ChartCard } from './chart-card';
import { ExportCsvButton } from './export-csv-button';
import { useApiData } from './use-api-data';
import { VerdictLabel } from './verdict-label';

const PAGE_SIZE = 50;

interface MorePages {
  key: string;
  items: ExamSummaryDto[];
  nextCursor: string | null | undefined;
  loading: boolean;
  error?: Error;
}

interface Props {
  filters: QaFilters;
  onChange: (patch: Partial<QaFilters>) => void;
  refresh: number;
}

/** The filtered exams, newest first, each row opening the exam's review page; "Load more" follows nextCursor. */
export function ExamsTable({ filters, onChange, refresh }: Props) {
  const router = useRouter();
  const query = examsQuery(filters);
  const key = JSON.stringify([query, refresh]);
  const first = useApiData<ExamPageDto>(key, (signal) =>
    listExams({ ...query, limit: PAGE_SIZE }, { signal }),
  );
  const [more, setMore] = useState<MorePages | null>(null);
  const extra = more?.key === key ? more : undefined;

  const items = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const nextCursor = extra && extra.nextCursor !== undefined ? extra.nextCursor : first.data?.nextCursor;

  async function loadMore() {
    if (!nextCursor) return;
    const base = extra ?? { key, items: [], nextCursor: undefined };
    setMore({ ...base, loading: true, error: undefined });
    try {
      const page = await listExams({ ...query, limit: PAGE_SIZE, cursor: nextCursor });
      setMore((current) =>
        current?.key === key
          ? { key, items: [...current.items, ...page.items], nextCursor: page.nextCursor, loading: false }
          : current,
      );
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      setMore((current) => (current?.key === key ? { ...current, loading: false, error } : current));
    }
  }

  const verdictFilter = (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Select
        aria-label="Verdict"
        w={170}
        data={[
          { value: '', label: 'Any verdict' },
          { value: 'true', label: 'Qualified' },
          { value: 'false', label: 'Unqualified' },
        ]}
        value={filters.qualified}
        onChange={(value) => onChange({ qualified: (value ?? '') as QualifiedFilter })}
        allowDeselect={false}
        data-testid="qa-qualified"
      />
      <ExportCsvButton filters={filters} />
    </Group>
  );

  return (
    <ChartCard
      testId="qa-exams"
      title="Exams"
      description="Every exam matching the filters, the failed criterion and the verdict included."
      loading={first.loading}
      error={first.error}
      empty={items.length === 0}
      emptyText="No exams match these filters."
      height={200}
      actions={verdictFilter}
    >
      {() => (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {items.length} of <span data-testid="qa-exams-total">{first.data?.total ?? 0}</span>{' '}
            exams, newest first. Select a row to review the exam.
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Received</Table.Th>
                  <Table.Th scope="col">Room</Table.Th>
                  <Table.Th scope="col">Technologist</Table.Th>
                  <Table.Th scope="col">View</Table.Th>
                  <Table.Th scope="col">Verdict</Table.Th>
                  <Table.Th scope="col">Failed criteria</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((exam) => (
                  <Table.Tr
                    key={exam.id}
                    data-testid="qa-exam-row"
                    data-exam-id={exam.id}
                    style={{ cursor: 'pointer' }}
                    onClick={(event) => {
                      // The link in the first cell handles its own clicks (and middle-click, new tab).
                      if ((event.target as HTMLElement).closest('a')) return;
                      router.push(`/exams/${encodeURIComponent(exam.id)}`);
                    }}
                  >
                    <Table.Td>
                      <Anchor component={Link} href={`/exams/${encodeURIComponent(exam.id)}`} size="sm">
                        {formatDateTime(exam.receivedAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{stationLabel(exam.station)}</Table.Td>
                    <Table.Td>{personLabel(exam.technologist)}</Table.Td>
                    <Table.Td>{viewLabel(exam.view ?? exam.requestedView)}</Table.Td>
                    <Table.Td>
                      <VerdictLabel verdict={examVerdict(exam)} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {exam.failedCriteria.length > 0
                          ? exam.failedCriteria.map(criterionLabel).join('; ')
                          : (exam.failureReason ?? '—')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {extra?.error && <ApiErrorAlert title="Could not load more exams" error={extra.error} />}
          {nextCursor && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={loadMore}
                loading={extra?.loading}
                data-testid="qa-load-more"
              >
                Load more
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </ChartCard>
  );
}
