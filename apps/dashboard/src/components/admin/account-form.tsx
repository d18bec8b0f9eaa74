'use client';
import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import type { AccountJson } from '@spineqc/contracts';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { createAccount } from '@/lib/admin/accounts-api';
import {
  EMPTY_ACCOUNT_DRAFT,
  PASSWORD_MIN,
  accountProblems,
  accountRequest,
  hasAnyProblem,
  type AccountDraft,
} from '@/lib/admin/account-form';
import { ApiRequestError } from '@/lib/api-client';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, USER_ROLES } from '@/lib/auth/roles';

export const ROLE_OPTIONS = USER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** 409: the username is taken; said under the field it is about. */
const isTaken = (error: unknown): error is ApiRequestError =>
  error instanceof ApiRequestError && error.status === 409;

export function AccountForm({ onCreated }: { onCreated: (account: AccountJson) => void }) {
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_ACCOUNT_DRAFT);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [taken, setTaken] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const problems = tried ? accountProblems(draft) : {};
  const change = (patch: Partial<AccountDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (patch.username !== undefined) setTaken(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (hasAnyProblem(accountProblems(draft))) return;
    setSaving(true);
    setError(null);
    setTaken(null);
    try {
      const account = await createAccount(accountRequest(draft));
      setDraft(EMPTY_ACCOUNT_DRAFT);
      setTried(false);
      onCreated(account);
    } catch (caught) {
      if (isTaken(caught)) setTaken(caught.message);
      else setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="new-account">
      <Stack gap="sm">
        <Title order={2} size="h4" id="new-account">
          New account
        </Title>
        <Group gap="sm" grow align="flex-start">
          <TextInput
            label="Username"
            description="What they type to sign in: letters, digits, . _ -"
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={draft.username}
            onChange={(e) => change({ username: e.currentTarget.value })}
            error={taken ?? problems.username}
            data-testid="account-username"
          />
          <TextInput
            label="Display name"
            description="As it appears on feedback and in the header"
            required
            maxLength={64}
            value={draft.displayName}
            onChange={(e) => change({ displayName: e.currentTarget.value })}
            error={problems.displayName}
            data-testid="account-display-name"
          />
        </Group>
        <Group gap="sm" grow align="flex-start">
          <NativeSelect
            label="Role"
            description={ROLE_DESCRIPTIONS[draft.role]}
            data={ROLE_OPTIONS}
            value={draft.role}
            onChange={(e) => change({ role: e.currentTarget.value as AccountDraft['role'] })}
            data-testid="account-role"
          />
          <PasswordInput
            label="Initial password"
            description={`At least ${PASSWORD_MIN} characters; tell them to change it after signing in`}
            required
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => change({ password: e.currentTarget.value })}
            error={problems.password}
            data-testid="account-password"
          />
        </Group>
        {error && (
          <div data-testid="account-create-error">
            <ApiErrorAlert title="Could not create the account" error={error} />
          </div>
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={saving}
            leftSection={<IconUserPlus size={16} aria-hidden />}
            data-testid="account-create"
          >
            Create account
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
