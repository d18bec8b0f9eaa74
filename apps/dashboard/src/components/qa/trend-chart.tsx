'use client';
import { LineChart } from '@mantine/charts';
import { OVERALL_SERIES, rateAxis, trendChart } from '@/lib/qa/chart-data';
import { periodStarts } from '@/lib/qa/dates';
import type { QaFilters } from '@/lib/qa/filters';
import { stationLabel } from '@/lib/qa/format';
import type { StatsRowDto } from '@/lib/qa/stats-totals';
import type { ApiData } from './use-api-data';
import { ChartCard } from './chart-card';
import { percentFormatter, tg151Lines } from './reference-lines';

const ROOM_COLORS = ['indigo.6', 'cyan.7', 'grape.6', 'yellow.7', 'lime.7', 'pink.6', 'blue.8', 'violet.8'];

/** (1) Unqualified rate per day or week, one line per room and one for all rooms. */
export function TrendChart({ stats, filters }: { stats: ApiData<StatsRowDto[]>; filters: QaFilters }) {
  const chart = trendChart(
    stats.data ?? [],
    periodStarts(filters.from, filters.to, filters.period),
    stationLabel,
  );
  const axis = rateAxis(
    chart.data.flatMap((point) => chart.series.map((s) => point[s.name] as number | null)),
  );
  let room = 0;
  const series = chart.series.map((s) =>
    s.name === OVERALL_SERIES
      ? { ...s, color: 'dark.7', strokeDasharray: '0' }
      : { ...s, color: ROOM_COLORS[room++ % ROOM_COLORS.length] },
  );
  return (
    <ChartCard
      testId="qa-chart-trend"
      title="Unqualified rate over time"
      description={`Per ${filters.period} (UTC), against AAPM TG-151: 8 % target, 10 % investigation level. Gaps: no assessable exams.`}
      loading={stats.loading}
      error={stats.error}
      empty={chart.series.length === 0}
    >
      {() => (
        <LineChart
          h={280}
          data={chart.data}
          dataKey="period"
          series={series}
          referenceLines={tg151Lines('y')}
          valueFormatter={percentFormatter}
          yAxisProps={{ domain: [0, axis.max], ticks: axis.ticks, interval: 0 }}
          yAxisLabel="unqualified %"
          connectNulls={false}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          curveType="linear"
          strokeWidth={2}
        />
      )}
    </ChartCard>
  );
}
