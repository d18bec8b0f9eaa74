'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { Center, Loader, Stack, Text } from '@mantine/core';
import { ApiErrorAlert } from '@/components/review/api-error-alert';
import { mayOpen, pagePermission } from '@/lib/auth/page-access';
import { roomPath, stationFromRoomPath } from '@/lib/auth/pairing';
import { isTablet, roleLabel } from '@/lib/auth/roles';
import { NotPermitted } from './not-permitted';
import { useSession } from './session-provider';

/** The tablet screens wait for the session; a paired tablet that opens another room is sent back to its own. */
export function RoomGate({ children }: { children: ReactNode }) {
  const { session, error, loading, reload } = useSession();
  const pathname = usePathname();
  const router = useRouter();
  const own = isTablet(session) ? session.station : null;
  const elsewhere = own !== null && stationFromRoomPath(pathname) !== own;

  useEffect(() => {
    if (elsewhere) router.replace(roomPath(own));
  }, [elsewhere, own, router]);

  if (error) {
    return (
      <Center mih="100dvh" p="md">
        <ApiErrorAlert title="Could not tell who is signed in" error={error} onRetry={reload} />
      </Center>
    );
  }
  if (loading || !session || elsewhere) {
    return (
      <Center mih="100dvh" bg="var(--mantine-color-gray-1)">
        <Stack align="center" gap="sm">
          <Loader size="lg" aria-hidden />
          <Text size="xl" c="dimmed">
            {elsewhere ? 'Opening this tablet’s room…' : 'Checking the sign-in…'}
          </Text>
        </Stack>
      </Center>
    );
  }
  if (!mayOpen(session.permissions, pathname)) {
    return <NotPermitted roleName={roleLabel(session.role)} permission={pagePermission(pathname)} />;
  }
  return <>{children}</>;
}
