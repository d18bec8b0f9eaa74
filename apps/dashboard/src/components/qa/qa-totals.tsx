'use client';
import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { formatRate, ratePercent } from '@/lib/qa/format';
import type { Counts } from '@/lib/qa/stats-totals';
import { TG151_INVESTIGATE_PERCENT, TG151_TARGET_PERCENT } from '@/lib/qa/chart-data';
import { ApiErrorAlert } from './api-error-alert';
import { rateColor } from './rate-colors';

interface Tile {
  testId: string;
  label: string;
  value: (counts: Counts) => string;
  hint?: string;
}

// Each value element holds only the number (and % for the rate) so a test can compare it with /api/stats.
const TILES: Tile[] = [
  { testId: 'qa-total-exams', label: 'Exams', value: (c) => String(c.total) },
  { testId: 'qa-total-qualified', label: 'Qualified', value: (c) => String(c.qualified) },
  { testId: 'qa-total-unqualified', label: 'Unqualified', value: (c) => String(c.unqualified) },
  { testId: 'qa-total-not-assessable', label: 'Not assessable', value: (c) => String(c.notAssessable) },
  {
    testId: 'qa-total-failed',
    label: 'Processing failed',
    value: (c) => String(c.failed),
    hint: 'not judged: could not be read or analysed',
  },
  {
    testId: 'qa-unqualified-rate',
    label: 'Unqualified rate',
    value: (c) => formatRate(c.unqualifiedRate),
    hint: `unqualified / (qualified + unqualified); TG-151 target ${TG151_TARGET_PERCENT} %, investigate at ${TG151_INVESTIGATE_PERCENT} %`,
  },
];

/** The totals of the filtered range: the sum of `/api/stats` rows grouped by room. */
export function QaTotals({ counts, loading, error }: { counts?: Counts; loading: boolean; error?: Error }) {
  if (error) return <ApiErrorAlert title="Could not load the totals" error={error} />;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" aria-busy={loading}>
      {TILES.map((tile) => (
        <Paper key={tile.testId} withBorder p="sm" radius="md">
          <Text size="sm" c="dimmed" fw={600} id={`${tile.testId}-label`}>
            {tile.label}
          </Text>
          {counts ? (
            <Text
              fz={28}
              fw={700}
              lh={1.2}
              data-testid={tile.testId}
              aria-labelledby={`${tile.testId}-label`}
              c={
                tile.testId === 'qa-unqualified-rate'
                  ? rateColor(ratePercent(counts.unqualifiedRate))
                  : undefined
              }
            >
              {tile.value(counts)}
            </Text>
          ) : (
            <Skeleton h={34} mt={2} w="60%" />
          )}
          {tile.hint && (
            <Text size="xs" c="dimmed" lh={1.3}>
              {tile.hint}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
