'use client';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import {
  EMPTY_PASSWORD_CHANGE,
  PASSWORD_MIN,
  hasAnyProblem,
  passwordChangeProblems,
  passwordChangeRequest,
  type PasswordChangeDraft,
} from '@/lib/admin/account-form';
import { changePassword } from '@/lib/auth/auth-api';

/** Change one's own password; the API ends every other session of the account (this one stays). */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [draft, setDraft] = useState<PasswordChangeDraft>(EMPTY_PASSWORD_CHANGE);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState(false);
  const problems = tried ? passwordChangeProblems(draft) : {};
  const change = (patch: Partial<PasswordChangeDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const close = () => {
    setDraft(EMPTY_PASSWORD_CHANGE);
    setTried(false);
    setError(null);
    setDone(false);
    onClose();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (hasAnyProblem(passwordChangeProblems(draft))) return;
    setSaving(true);
    setError(null);
    try {
      await changePassword(passwordChangeRequest(draft));
      setDraft(EMPTY_PASSWORD_CHANGE);
      setTried(false);
      setDone(true);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Change your password" centered>
      {done ? (
        <Stack gap="md">
          <Alert color="teal" icon={<IconCheck aria-hidden />} role="status" data-testid="password-changed">
            Password changed. Any other place you were signed in has been signed out.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label="Current password"
              required
              autoComplete="current-password"
              value={draft.currentPassword}
              onChange={(e) => change({ currentPassword: e.currentTarget.value })}
              error={problems.currentPassword}
              data-testid="password-current"
              data-autofocus
            />
            <PasswordInput
              label="New password"
              description={`At least ${PASSWORD_MIN} characters; a few unrelated words are easy to remember.`}
              required
              autoComplete="new-password"
              value={draft.newPassword}
              onChange={(e) => change({ newPassword: e.currentTarget.value })}
              error={problems.newPassword}
              data-testid="password-new"
            />
            <PasswordInput
              label="New password again"
              required
              autoComplete="new-password"
              value={draft.confirmation}
              onChange={(e) => change({ confirmation: e.currentTarget.value })}
              error={problems.confirmation}
              data-testid="password-confirm"
            />
            <Text size="xs" c="dimmed">
              Your other sessions (another computer, a phone) will be signed out.
            </Text>
            {error && (
              <div data-testid="password-error">
                <ApiErrorAlert title="The password was not changed" error={error} />
              </div>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={saving} data-testid="password-submit">
                Change password
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
