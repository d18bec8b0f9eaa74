'use client';
import type { ReactNode } from 'react';
import { Card, EmptyState, Group, Skeleton, Text, Title } from '@mantine/core';
import { IconChartBarOff } from '@tabler/icons-react';
import { ApiErrorAlert } from './api-error-alert';

export interface ChartCardProps {
  testId: string;
  title: string;
  /** One line under the title: what the chart counts. */
  description?: string;
  loading: boolean;
  error: Error | undefined;
  /** True when the answer holds nothing to draw. */
  empty: boolean;
  emptyText?: string;
  height?: number;
  /** Drawn once loaded, without error, and not empty. */
  children: () => ReactNode;
  actions?: ReactNode;
}

/** One QA panel: a titled card that shows its loading, error and empty states in the chart's place. */
export function ChartCard({
  testId,
  title,
  description,
  loading,
  error,
  empty,
  emptyText = 'No judged exams match these filters.',
  height = 280,
  children,
  actions,
}: ChartCardProps) {
  const state = loading ? 'loading' : error ? 'error' : empty ? 'empty' : 'ready';
  return (
    <Card withBorder padding="md" data-testid={testId} data-state={state} aria-busy={loading}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {actions}
      </Group>
      {state === 'loading' && <Skeleton h={height} aria-label={`Loading ${title}`} />}
      {state === 'error' && <ApiErrorAlert title={`Could not load “${title}”`} error={error!} />}
      {state === 'empty' && (
        <EmptyState
          mih={Math.min(height, 160)}
          icon={<IconChartBarOff aria-hidden />}
          title="Nothing to show"
          description={emptyText}
        />
      )}
      {state === 'ready' && children()}
    </Card>
  );
}
