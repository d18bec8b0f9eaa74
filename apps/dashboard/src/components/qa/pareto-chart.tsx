'use client';
import { CompositeChart } from '@mantine/charts';
import { paretoChart } from '@/lib/qa/chart-data';
import { criterionLabel } from '@/lib/qa/format';
import type { StatsRowDto } from '@/lib/qa/stats-totals';
import type { ApiData } from './use-api-data';
import { ChartCard } from './chart-card';

/** (4) Pareto of failure reasons: failures per criterion, most first, and the cumulative share of all failures. */
export function ParetoChart({ stats }: { stats: ApiData<StatsRowDto[]> }) {
  const bars = paretoChart(stats.data ?? [], criterionLabel);
  return (
    <ChartCard
      testId="qa-chart-pareto"
      title="Failure reasons (Pareto)"
      description="Exams failing each criterion, most frequent first; the line is the cumulative share of all failures."
      loading={stats.loading}
      error={stats.error}
      empty={bars.length === 0}
      emptyText="No criterion failed in this selection."
      height={320}
    >
      {() => (
        <CompositeChart
          h={360}
          data={bars}
          dataKey="label"
          series={[
            { name: 'failures', label: 'Failures', type: 'bar', color: 'red.6' },
            {
              name: 'cumulativePercent',
              label: 'Cumulative share (%)',
              type: 'line',
              color: 'dark.6',
              yAxisId: 'right',
            },
          ]}
          withRightYAxis
          rightYAxisProps={{ domain: [0, 100], tickFormatter: (value: number) => `${value} %` }}
          yAxisProps={{ allowDecimals: false }}
          yAxisLabel="failures"
          referenceLines={[
            { y: 80, yAxisId: 'right', label: '80 %', color: 'gray.6', strokeDasharray: '4 4' },
          ]}
          xAxisProps={{
            interval: 0,
            angle: -20,
            textAnchor: 'end',
            height: 100,
            tick: { fontSize: 11, fill: 'currentColor' },
          }}
          withLegend
          maxBarWidth={64}
          composedChartProps={{ margin: { left: 56, right: 8 } }}
          curveType="linear"
        />
      )}
    </ChartCard>
  );
}
