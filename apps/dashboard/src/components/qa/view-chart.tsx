'use client';
import { BarChart } from '@mantine/charts';
import { viewBreakdown } from '@/lib/qa/chart-data';
import { viewLabel } from '@/lib/qa/format';
import type { StatsRowDto } from '@/lib/qa/stats-totals';
import { VERDICT_COLORS } from '@/theme';
import type { ApiData } from './use-api-data';
import { ChartCard } from './chart-card';

/** (5) Verdicts per view, stacked: where each view's exams end up. */
export function ViewChart({ stats }: { stats: ApiData<StatsRowDto[]> }) {
  const bars = viewBreakdown(stats.data ?? [], viewLabel)
    .filter((bar) => bar.qualified + bar.unqualified + bar.notAssessable > 0)
    .map((bar) => ({
      ...bar,
      label: `${bar.label} (n=${bar.qualified + bar.unqualified + bar.notAssessable})`,
    }));
  return (
    <ChartCard
      testId="qa-chart-view"
      title="Verdicts per view"
      description="Qualified, unqualified and not assessable exams for each view."
      loading={stats.loading}
      error={stats.error}
      empty={bars.length === 0}
      height={320}
    >
      {() => (
        <BarChart
          h={340}
          data={bars}
          dataKey="label"
          type="stacked"
          series={[
            { name: 'qualified', label: 'Qualified', color: `${VERDICT_COLORS.qualified}.6` },
            { name: 'unqualified', label: 'Unqualified', color: `${VERDICT_COLORS.unqualified}.6` },
            { name: 'notAssessable', label: 'Not assessable', color: `${VERDICT_COLORS.notAssessable}.5` },
          ]}
          yAxisProps={{ allowDecimals: false }}
          yAxisLabel="exams"
          withLegend
          maxBarWidth={72}
        />
      )}
    </ChartCard>
  );
}
