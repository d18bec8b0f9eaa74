'use client';
import { useState } from 'react';
import { Button, Menu, Modal, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import type { SessionJson } from '@spineqc/contracts';
import { ApiErrorAlert } from '@/components/qa/api-error-alert';
import { roleLabel } from '@/lib/auth/roles';
import { ChangePasswordModal } from './change-password-modal';
import { useSession } from './session-provider';

/** Who is signed in (name and role), with "Change password" and "Sign out". */
export function UserMenu({ session }: { session: SessionJson }) {
  const { signOut } = useSession();
  const [changing, setChanging] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const hasPassword = session.kind === 'user';

  const leave = async () => {
    setLeaving(true);
    setError(null);
    try {
      await signOut();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      setLeaving(false);
    }
  };

  return (
    <>
      <Menu position="bottom-end" width={220} withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            h={44}
            px="sm"
            loading={leaving}
            leftSection={<IconUserCircle size={22} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            data-testid="user-menu"
            data-role={session.role}
            aria-label={`Signed in as ${session.name}, ${roleLabel(session.role)}: account menu`}
          >
            <Stack gap={0} align="flex-start">
              <Text size="sm" fw={700} lh={1.2} c="dark.7" data-testid="user-name">
                {session.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} data-testid="user-role">
                {roleLabel(session.role)}
              </Text>
            </Stack>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {session.username && <Menu.Label>Signed in as {session.username}</Menu.Label>}
          {hasPassword && (
            <Menu.Item
              leftSection={<IconKey size={16} aria-hidden />}
              onClick={() => setChanging(true)}
              data-testid="change-password"
            >
              Change password
            </Menu.Item>
          )}
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={() => void leave()}
            data-testid="sign-out"
          >
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {hasPassword && <ChangePasswordModal opened={changing} onClose={() => setChanging(false)} />}
      <Modal opened={error !== null} onClose={() => setError(null)} title="Still signed in" centered>
        {error && <ApiErrorAlert title="Could not sign out" error={error} />}
      </Modal>
    </>
  );
}
