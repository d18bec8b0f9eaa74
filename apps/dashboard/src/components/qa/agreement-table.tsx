'use client';
import { Table } from '@mantine/core';
import type { AgreementJson } from '@spineqc/contracts';
import { getJson } from '@/lib/api-client';
import { agreementTable } from '@/lib/qa/agreement';
import { agreementQuery, type QaFilters } from '@/lib/qa/filters';
import { criterionLabel, formatRate } from '@/lib/qa/format';
import { ChartCard } from './chart-card';
import { useApiData } from './use-api-data';

/** The feedback loop: how often radiographers and reviewers agreed with the verdicts, per criterion. */
export function AgreementTable({ filters, refresh }: { filters: QaFilters; refresh: number }) {
  const query = agreementQuery(filters);
  const agreement = useApiData(JSON.stringify([query, refresh]), (signal) =>
    getJson<AgreementJson>('/api/feedback/agreement', query, { signal }),
  );
  const lines = agreementTable(agreement.data?.rows ?? [], criterionLabel);
  return (
    <ChartCard
      testId="qa-agreement"
      title="Agreement with the verdicts"
      description="Agree / disagree feedback from the tablets and the review page. A disagreement counts for every criterion its exam failed."
      loading={agreement.loading}
      error={agreement.error}
      empty={lines.length === 0}
      emptyText="No feedback has been given on exams in this selection."
      height={160}
    >
      {() => (
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Criterion</Table.Th>
              <Table.Th scope="col" ta="right">
                Feedback
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Agree
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Disagree
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Agreement
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.key} data-testid="qa-agreement-row" data-criterion={line.key}>
                <Table.Th scope="row" fw={500}>
                  {line.label}
                </Table.Th>
                <Table.Td ta="right">{line.feedback}</Table.Td>
                <Table.Td ta="right">{line.agree}</Table.Td>
                <Table.Td ta="right">{line.disagree}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {formatRate(line.agreementRate)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </ChartCard>
  );
}
