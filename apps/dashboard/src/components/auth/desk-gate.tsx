'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { Center, Loader, Stack, Text } from '@mantine/core';
import { ApiErrorAlert } from '@/components/review/api-error-alert';
import { mayOpen, pagePermission } from '@/lib/auth/page-access';
import { roomPath } from '@/lib/auth/pairing';
import { isTablet, roleLabel } from '@/lib/auth/roles';
import { NotPermitted } from './not-permitted';
import { useSession } from './session-provider';

/**
 * Shows a desk page only once the session is known and the role may use it. A room tablet belongs in its room,
 * so it is sent there from any desk page.
 */
export function DeskGate({ children }: { children: ReactNode }) {
  const { session, error, loading, reload } = useSession();
  const pathname = usePathname();
  const router = useRouter();
  const tablet = isTablet(session) ? session.station : null;

  useEffect(() => {
    if (tablet !== null) router.replace(roomPath(tablet));
  }, [tablet, router]);

  if (error) return <ApiErrorAlert title="Could not tell who is signed in" error={error} onRetry={reload} />;
  if (loading || !session || tablet !== null) {
    return (
      <Center h="50vh">
        <Stack align="center" gap="xs">
          <Loader aria-hidden />
          <Text c="dimmed">{tablet !== null ? `Opening ${tablet}…` : 'Checking your sign-in…'}</Text>
        </Stack>
      </Center>
    );
  }
  if (!mayOpen(session.permissions, pathname)) {
    return <NotPermitted roleName={roleLabel(session.role)} permission={pagePermission(pathname)} />;
  }
  return <>{children}</>;
}
