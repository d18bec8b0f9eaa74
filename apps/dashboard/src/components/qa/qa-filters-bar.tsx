'use client';
import { Group, Input, SegmentedControl, Select, TextInput } from '@mantine/core';
import { criterionLabel, personLabel, stationLabel, viewLabel } from '@/lib/qa/format';
import { isIsoDay } from '@/lib/qa/dates';
import { optionsQuery, type QaFilters } from '@/lib/qa/filters';
import { filterOptions } from '@/lib/qa/options';
import type { CriterionId, View } from '@spineqc/qc-standard';
import { useStats } from './use-stats';

interface Props {
  filters: QaFilters;
  onChange: (patch: Partial<QaFilters>) => void;
  refresh: number;
}

/** The filter row. Choices come from the stats of the date range, so they list what the range actually holds. */
export function QaFiltersBar({ filters, onChange, refresh }: Props) {
  const stations = useStats(optionsQuery(filters, 'station'), refresh);
  const technologists = useStats(optionsQuery(filters, 'technologist'), refresh);
  const views = useStats(optionsQuery(filters, 'view'), refresh);
  const criteria = useStats(optionsQuery(filters, 'criterion'), refresh);

  const onDate = (field: 'from' | 'to') => (event: React.ChangeEvent<HTMLInputElement>) => {
    // A date input reports '' while a day is half typed: wait for a whole day.
    const value = event.currentTarget.value;
    if (isIsoDay(value)) onChange({ [field]: value });
  };

  return (
    <Group align="flex-start" gap="sm" wrap="wrap" role="search" aria-label="QA filters">
      <TextInput
        type="date"
        label="From"
        w={150}
        value={filters.from}
        max={filters.to}
        onChange={onDate('from')}
        data-testid="qa-from"
      />
      <TextInput
        type="date"
        label="To"
        w={150}
        value={filters.to}
        min={filters.from}
        onChange={onDate('to')}
        data-testid="qa-to"
      />
      <Select
        label="Room"
        placeholder={stations.error ? 'Unavailable' : 'All rooms'}
        w={160}
        data={filterOptions(stations.data ?? [], stationLabel, filters.station)}
        value={filters.station || null}
        onChange={(value) => onChange({ station: value ?? '' })}
        error={stations.error?.message}
        clearable
        searchable
        data-testid="qa-station"
      />
      <Select
        label="Technologist"
        placeholder={technologists.error ? 'Unavailable' : 'All technologists'}
        w={200}
        data={filterOptions(technologists.data ?? [], personLabel, filters.technologist)}
        value={filters.technologist || null}
        onChange={(value) => onChange({ technologist: value ?? '' })}
        error={technologists.error?.message}
        clearable
        searchable
        data-testid="qa-technologist"
      />
      <Select
        label="View"
        placeholder={views.error ? 'Unavailable' : 'All views'}
        w={140}
        data={filterOptions(views.data ?? [], viewLabel, filters.view)}
        value={filters.view || null}
        onChange={(value) => onChange({ view: (value ?? '') as View | '' })}
        error={views.error?.message}
        clearable
        data-testid="qa-view"
      />
      <Select
        label="Failed criterion"
        description="Narrows the exam list and export"
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        placeholder={criteria.error ? 'Unavailable' : 'Any criterion'}
        w={300}
        data={filterOptions(criteria.data ?? [], criterionLabel, filters.criterion)}
        value={filters.criterion || null}
        onChange={(value) => onChange({ criterion: (value ?? '') as CriterionId | '' })}
        error={criteria.error?.message}
        clearable
        searchable
        data-testid="qa-criterion"
      />
      <Input.Wrapper label="Trend period" id="qa-period-label">
        <SegmentedControl
          aria-labelledby="qa-period-label"
          display="flex"
          data={[
            { label: 'Per day', value: 'day' },
            { label: 'Per week', value: 'week' },
          ]}
          value={filters.period}
          onChange={(value) => onChange({ period: value === 'week' ? 'week' : 'day' })}
          data-testid="qa-period"
        />
      </Input.Wrapper>
    </Group>
  );
}
