'use client';
import { useState, type FormEvent } from 'react';
import { Autocomplete, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { IconDeviceTablet } from '@tabler/icons-react';
import type { CreatedTokenJson } from '@spineqc/contracts';
import { useApiData } from '@/components/qa/use-api-data';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { createToken } from '@/lib/admin/accounts-api';
import { hasAnyProblem } from '@/lib/admin/account-form';
import { EMPTY_TABLET_DRAFT, tabletProblems, tabletRequest, type TabletDraft } from '@/lib/admin/token-form';
import { getStats } from '@/lib/api-client';
import { localMidnight, stationNames } from '@/lib/live/room-stats';

/** Rooms that sent an image in this many days are suggested. */
const SUGGEST_DAYS = 30;

/** Pair a tablet: which room it stands in, and a name to tell it apart. */
export function TabletPairForm({ onPaired }: { onPaired: (created: CreatedTokenJson) => void }) {
  const [draft, setDraft] = useState<TabletDraft>(EMPTY_TABLET_DRAFT);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  // Suggestions only: a room that has not sent anything yet can still be typed.
  const rooms = useApiData('tablet-rooms', (signal) =>
    getStats(
      { groupBy: 'station', period: 'day', from: localMidnight(new Date(), SUGGEST_DAYS) },
      { signal },
    ),
  );
  const problems = tried ? tabletProblems(draft) : {};
  const change = (patch: Partial<TabletDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (hasAnyProblem(tabletProblems(draft))) return;
    setSaving(true);
    setError(null);
    try {
      const created = await createToken(tabletRequest(draft));
      setDraft(EMPTY_TABLET_DRAFT);
      setTried(false);
      onPaired(created);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="pair-tablet">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pair-tablet">
          Pair a tablet
        </Title>
        <Group gap="sm" grow align="flex-start">
          <Autocomplete
            label="Room"
            description="The DR room's DICOM StationName; the tablet sees this room only"
            placeholder="DR-ROOM-1"
            required
            data={rooms.data ? stationNames(rooms.data.rows) : []}
            value={draft.station}
            onChange={(station) => change({ station })}
            error={problems.station}
            data-testid="tablet-pair-station"
          />
          <TextInput
            label="Tablet name"
            description="To tell tablets apart, e.g. “Console tablet”"
            required
            maxLength={64}
            value={draft.name}
            onChange={(e) => change({ name: e.currentTarget.value })}
            error={problems.name}
            data-testid="tablet-pair-name"
          />
        </Group>
        {rooms.error && <ApiErrorAlert title="Could not list the rooms to suggest" error={rooms.error} />}
        {error && <ApiErrorAlert title="Could not pair the tablet" error={error} />}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={saving}
            leftSection={<IconDeviceTablet size={16} aria-hidden />}
            data-testid="tablet-pair-submit"
          >
            Make pairing link
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
