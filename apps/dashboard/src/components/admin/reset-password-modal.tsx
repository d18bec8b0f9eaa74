'use client';
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import type { AccountJson } from '@spineqc/contracts';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { updateAccount } from '@/lib/admin/accounts-api';
import { PASSWORD_MIN, passwordProblem } from '@/lib/admin/account-form';

interface Props {
  account: AccountJson;
  opened: boolean;
  onClose: () => void;
  onReset: (account: AccountJson) => void;
}

/** An administrator sets a new password for someone who forgot theirs; their sessions and tokens end. */
export function ResetPasswordModal({ account, opened, onClose, onReset }: Props) {
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const close = () => {
    setPassword('');
    setTried(false);
    setError(null);
    onClose();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (passwordProblem(password)) return;
    setSaving(true);
    setError(null);
    try {
      const updated = await updateAccount(account.id, { password });
      setPassword('');
      setTried(false);
      onReset(updated);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={`Reset the password of ${account.username}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {account.displayName} is signed out everywhere and their API tokens are revoked. Give them the new
            password in person; they can change it from the account menu.
          </Text>
          <PasswordInput
            label="New password"
            description={`At least ${PASSWORD_MIN} characters`}
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={tried ? passwordProblem(password) : undefined}
            data-testid="account-new-password"
            data-autofocus
          />
          {error && <ApiErrorAlert title="The password was not reset" error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="orange" loading={saving} data-testid="account-reset-submit">
              Reset password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
