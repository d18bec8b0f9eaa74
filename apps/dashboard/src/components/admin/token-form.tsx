'use client';
import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ApiTokenRole, CreatedTokenJson } from '@spineqc/contracts';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { createToken } from '@/lib/admin/accounts-api';
import { hasAnyProblem } from '@/lib/admin/account-form';
import {
  EMPTY_TOKEN_DRAFT,
  EXPIRY_OPTIONS,
  tokenProblems,
  tokenRequest,
  type TokenDraft,
} from '@/lib/admin/token-form';
import { API_TOKEN_ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/auth/roles';

const ROLE_OPTIONS = API_TOKEN_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** A token for an integration (a PACS bridge sending images, a reporting script reading statistics). */
export function TokenForm({ onCreated }: { onCreated: (created: CreatedTokenJson) => void }) {
  const [draft, setDraft] = useState<TokenDraft>(EMPTY_TOKEN_DRAFT);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const problems = tried ? tokenProblems(draft) : {};
  const change = (patch: Partial<TokenDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (hasAnyProblem(tokenProblems(draft))) return;
    setSaving(true);
    setError(null);
    try {
      const created = await createToken(tokenRequest(draft));
      setDraft(EMPTY_TOKEN_DRAFT);
      setTried(false);
      onCreated(created);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="new-token">
      <Stack gap="sm">
        <Title order={2} size="h4" id="new-token">
          New API token
        </Title>
        <Group gap="sm" grow align="flex-start">
          <TextInput
            label="Name"
            description="What uses it, e.g. “PACS bridge”"
            required
            maxLength={64}
            value={draft.name}
            onChange={(e) => change({ name: e.currentTarget.value })}
            error={problems.name}
            data-testid="token-name"
          />
          <NativeSelect
            label="Role"
            description={ROLE_DESCRIPTIONS[draft.role]}
            data={ROLE_OPTIONS}
            value={draft.role}
            onChange={(e) => change({ role: e.currentTarget.value as ApiTokenRole })}
            data-testid="token-role"
          />
          <NativeSelect
            label="Expires after"
            description="It stops working then; revoke it any time"
            data={EXPIRY_OPTIONS.map((o) => ({ ...o }))}
            value={draft.expiresInDays}
            onChange={(e) => change({ expiresInDays: e.currentTarget.value })}
            data-testid="token-expiry"
          />
        </Group>
        {error && <ApiErrorAlert title="Could not create the token" error={error} />}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={saving}
            leftSection={<IconPlus size={16} aria-hidden />}
            data-testid="token-create"
          >
            Create token
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
