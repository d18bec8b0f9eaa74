'use client';
import '@mantine/charts/styles.css';
import { useState } from 'react';
import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFilterOff, IconRefresh } from '@tabler/icons-react';
import { statsQuery } from '@/lib/qa/filters';
import { personLabel, stationLabel } from '@/lib/qa/format';
import { sumCounts } from '@/lib/qa/stats-totals';
import { AgreementTable } from './agreement-table';
import { ExamsTable } from './exams-table';
import { ParetoChart } from './pareto-chart';
import { QaFiltersBar } from './qa-filters-bar';
import { QaTotals } from './qa-totals';
import { RankedRateChart } from './ranked-rate-chart';
import { TrendChart } from './trend-chart';
import { useQaFilters } from './use-qa-filters';
import { useStats } from './use-stats';
import { ViewChart } from './view-chart';

/** The QA manager's desk: patterns by room, technologist, view and criterion against AAPM TG-151. */
export function QaDashboard() {
  const { filters, setFilters, resetFilters } = useQaFilters();
  const [refresh, setRefresh] = useState(0);
  const byStation = useStats(statsQuery(filters, 'station'), refresh);
  const byTechnologist = useStats(statsQuery(filters, 'technologist'), refresh);
  const byView = useStats(statsQuery(filters, 'view'), refresh);
  const byCriterion = useStats(statsQuery(filters, 'criterion'), refresh);

  return (
    <Stack gap="md" maw={1600} mx="auto">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            Quality assurance
          </Title>
          <Text c="dimmed" size="sm">
            Unqualified (reject) rate against AAPM TG-151: 8 % target, 10 % investigation level. Days are
            counted in UTC, as the API counts them.
          </Text>
        </div>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={resetFilters}
          >
            Reset filters
          </Button>
          <Button
            variant="light"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => setRefresh((n) => n + 1)}
            data-testid="qa-refresh"
          >
            Refresh
          </Button>
        </Group>
      </Group>
      <QaFiltersBar filters={filters} onChange={setFilters} refresh={refresh} />
      <section aria-label="Totals">
        <QaTotals
          counts={byStation.data ? sumCounts(byStation.data) : undefined}
          loading={byStation.loading}
          error={byStation.error}
        />
      </section>
      <TrendChart stats={byStation} filters={filters} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <RankedRateChart
          testId="qa-chart-technologist"
          title="By technologist"
          noun="technologist"
          stats={byTechnologist}
          labelOf={personLabel}
        />
        <RankedRateChart
          testId="qa-chart-room"
          title="By room"
          noun="room"
          stats={byStation}
          labelOf={stationLabel}
        />
      </SimpleGrid>
      <ParetoChart stats={byCriterion} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ViewChart stats={byView} />
        <AgreementTable filters={filters} refresh={refresh} />
      </SimpleGrid>
      <ExamsTable filters={filters} onChange={setFilters} refresh={refresh} />
    </Stack>
  );
}
