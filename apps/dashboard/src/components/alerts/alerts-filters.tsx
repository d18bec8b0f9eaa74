'use client';
import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import type { AlertFilters } from '@/lib/alerts/query';
import { ALERT_RULE_KINDS, ALERT_RULES } from '@/lib/alerts/rules';
import type { AlertSubjectKind } from '@/lib/alerts/types';

const RULE_OPTIONS = [
  { value: '', label: 'Every rule' },
  ...ALERT_RULE_KINDS.map((kind) => ({ value: kind, label: ALERT_RULES[kind].label })),
];

interface Props {
  filters: AlertFilters;
  onChange: (patch: Partial<AlertFilters>) => void;
}

export function AlertsFilters({ filters, onChange }: Props) {
  return (
    <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label="Filter alerts">
      <SegmentedControl
        aria-label="About"
        data={[
          { value: '', label: 'Everyone' },
          { value: 'station', label: 'Rooms' },
          { value: 'technologist', label: 'Technologists' },
        ]}
        value={filters.subjectKind}
        onChange={(value) => onChange({ subjectKind: value as AlertSubjectKind | '' })}
        data-testid="alerts-subject-kind"
      />
      <TextInput
        label={filters.subjectKind === 'technologist' ? 'Technologist' : 'Room'}
        placeholder={filters.subjectKind ? 'Exact name' : 'Any'}
        disabled={filters.subjectKind === ''}
        value={filters.subject}
        onChange={(event) => onChange({ subject: event.currentTarget.value })}
        w={220}
        data-testid="alerts-subject"
      />
      <Select
        label="Rule"
        data={RULE_OPTIONS}
        value={filters.ruleKind}
        onChange={(value) => onChange({ ruleKind: value ?? '' })}
        allowDeselect={false}
        w={280}
        data-testid="alerts-rule"
      />
    </Group>
  );
}
