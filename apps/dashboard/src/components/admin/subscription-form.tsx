'use client';
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { VIEWS, type View } from '@spineqc/qc-standard';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { ApiRequestError } from '@/lib/api-client';
import { EVENT_LABELS } from '@/lib/admin/events';
import {
  EMPTY_DRAFT,
  draftProblems,
  draftToInput,
  hasProblems,
  type SubscriptionDraft,
} from '@/lib/admin/subscription-form';
import {
  WEBHOOK_EVENT_TYPES,
  type SubscriptionWithSecretDto,
  type WebhookEventType,
} from '@/lib/admin/types';
import { createSubscription } from '@/lib/admin/webhooks-api';
import { viewLabel } from '@/lib/qa/format';

const VIEW_OPTIONS = [
  { value: '', label: 'Any view' },
  ...VIEWS.map((v) => ({ value: v, label: viewLabel(v) })),
];

/** The API refuses a target URL (not https, not allowlisted, a private address) with a 400 BAD_REQUEST. */
const isUrlRefusal = (error: unknown): error is ApiRequestError =>
  error instanceof ApiRequestError && error.status === 400 && error.code === 'BAD_REQUEST';

export function SubscriptionForm({ onCreated }: { onCreated: (created: SubscriptionWithSecretDto) => void }) {
  const [draft, setDraft] = useState<SubscriptionDraft>(EMPTY_DRAFT);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [urlRefusal, setUrlRefusal] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const problems = tried ? draftProblems(draft) : {};
  const change = (patch: Partial<SubscriptionDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (patch.url !== undefined) setUrlRefusal(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (hasProblems(draftProblems(draft))) return;
    setSaving(true);
    setError(null);
    setUrlRefusal(null);
    try {
      const created = await createSubscription(draftToInput(draft));
      setDraft(EMPTY_DRAFT);
      setTried(false);
      onCreated(created);
    } catch (caught) {
      if (isUrlRefusal(caught)) setUrlRefusal(caught.message);
      else setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="new-subscription">
      <Stack gap="sm">
        <Title order={2} size="h4" id="new-subscription">
          New subscription
        </Title>
        <TextInput
          label="Receiver URL"
          description="https, or an http host the server allowlists; the signing secret is shown once after saving."
          placeholder="https://example.org/spineqc-webhook"
          required
          value={draft.url}
          onChange={(e) => change({ url: e.currentTarget.value })}
          error={urlRefusal ?? problems.url}
          data-testid="subscription-url"
        />
        <Checkbox.Group
          label="Events"
          required
          value={draft.eventTypes}
          onChange={(value) => change({ eventTypes: value as WebhookEventType[] })}
          error={problems.eventTypes}
          data-testid="subscription-events"
        >
          <Group gap="lg" mt={6}>
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <Checkbox
                key={type}
                value={type}
                label={`${EVENT_LABELS[type].label} (${type})`}
                description={EVENT_LABELS[type].description}
                data-event-type={type}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <Group gap="sm" grow align="flex-start">
          <TextInput
            label="Room (optional)"
            placeholder="Any room"
            value={draft.station}
            onChange={(e) => change({ station: e.currentTarget.value })}
            data-testid="subscription-station"
          />
          <TextInput
            label="Technologist (optional)"
            placeholder="Any technologist"
            value={draft.technologist}
            onChange={(e) => change({ technologist: e.currentTarget.value })}
            data-testid="subscription-technologist"
          />
          <Select
            label="View (optional)"
            data={VIEW_OPTIONS}
            value={draft.view}
            onChange={(value) => change({ view: (value ?? '') as View | '' })}
            allowDeselect={false}
            data-testid="subscription-view"
          />
        </Group>
        <TextInput
          label="Description (optional)"
          placeholder="What receives these, e.g. the PACS bridge"
          maxLength={200}
          value={draft.description}
          onChange={(e) => change({ description: e.currentTarget.value })}
          data-testid="subscription-description"
        />
        {error && <ApiErrorAlert title="Could not create the subscription" error={error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={saving} data-testid="subscription-create">
            Create subscription
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
