'use client';
import { useState } from 'react';
import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { listAlerts } from '@/lib/alerts/alerts-api';
import { NO_ALERT_FILTERS, alertsQuery, hasAlertFilters, type AlertFilters } from '@/lib/alerts/query';
import { formatDateTime } from '@/lib/qa/format';
import { AlertCard } from './alert-card';
import { AlertsEmpty } from './alerts-empty';
import { AlertsFilters } from './alerts-filters';
import { useAutoReload } from './use-auto-reload';
import { LoadMore } from './load-more';
import { useCursorList } from './use-cursor-list';

const PAGE_SIZE = 20;
const RELOAD_MS = 30_000;

/** Alerts raised by the rules, newest first, with filters and "load more"; the first page refreshes itself. */
export function AlertsPage() {
  const [filters, setFilters] = useState<AlertFilters>(NO_ALERT_FILTERS);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  // Typing a name should not send a request per key.
  const [settled] = useDebouncedValue(filters, 300);
  const query = alertsQuery(settled, PAGE_SIZE);
  const list = useCursorList(JSON.stringify(query), async (cursor, signal) => {
    const page = await listAlerts({ ...query, cursor }, { signal });
    setLoadedAt(new Date());
    return page;
  });
  useAutoReload(list.reload, RELOAD_MS, !list.extended);

  return (
    <Stack gap="md" data-testid="alerts-page" maw={1100} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Alerts</Title>
          <Text c="dimmed">Repeated problems found by the alert rules, newest first.</Text>
        </div>
        <Group gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {loadedAt ? `${list.items.length} shown · updated ${formatDateTime(loadedAt.toISOString())}` : ''}
          </Text>
          <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={list.reload}>
            Refresh
          </Button>
        </Group>
      </Group>
      <AlertsFilters filters={filters} onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))} />
      {list.error && <ApiErrorAlert title="Could not load the alerts" error={list.error} />}
      {list.loading ? (
        <Center h={200}>
          <Loader aria-label="Loading alerts" />
        </Center>
      ) : list.items.length === 0 && !list.error ? (
        <AlertsEmpty filtered={hasAlertFilters(settled)} />
      ) : (
        <Stack gap="sm">
          {list.items.map((alert) => (
            <AlertCard key={alert.id} alert={alert} now={loadedAt ?? new Date()} />
          ))}
        </Stack>
      )}
      <LoadMore list={list} what="alerts" testId="alerts-load-more" />
    </Stack>
  );
}
