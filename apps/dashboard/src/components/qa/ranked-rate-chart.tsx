'use client';
import { BarChart } from '@mantine/charts';
import { rankedRates, rateAxis } from '@/lib/qa/chart-data';
import type { StatsRowDto } from '@/lib/qa/stats-totals';
import type { ApiData } from './use-api-data';
import { ChartCard } from './chart-card';
import { rateColor } from './rate-colors';
import { percentFormatter, Tg151Legend, tg151Lines } from './reference-lines';

interface Props {
  testId: string;
  title: string;
  /** What one bar is: "technologist", "room". */
  noun: string;
  stats: ApiData<StatsRowDto[]>;
  labelOf: (key: string) => string;
}

/** (2, 3) Unqualified rate per technologist or room over the range, highest first, with n beside each name. */
export function RankedRateChart({ testId, title, noun, stats, labelOf }: Props) {
  const bars = rankedRates(stats.data ?? [], labelOf);
  const axis = rateAxis(bars.map((bar) => bar.rate));
  return (
    <ChartCard
      testId={testId}
      title={title}
      description={`Unqualified rate per ${noun}, highest first; n = assessable exams. TG-151: 8 % target, 10 % investigate.`}
      loading={stats.loading}
      error={stats.error}
      empty={bars.length === 0}
      height={240}
    >
      {() => (
        <>
          <BarChart
            h={Math.max(200, 48 + bars.length * 44)}
            data={bars}
            dataKey="name"
            orientation="vertical"
            series={[{ name: 'rate', label: 'Unqualified rate', color: 'red.6' }]}
            getBarColor={(value) => rateColor(value)}
            referenceLines={tg151Lines('x')}
            valueFormatter={percentFormatter}
            xAxisProps={{ domain: [0, axis.max], ticks: axis.ticks, interval: 0 }}
            yAxisProps={{ width: 190 }}
            withBarValueLabel
            maxBarWidth={28}
            gridAxis="y"
            barChartProps={{ margin: { right: 48 } }}
          />
          <Tg151Legend />
        </>
      )}
    </ChartCard>
  );
}
