import type { ReactNode } from 'react';
import { SessionProvider } from '@/components/auth/session-provider';
import { RoomGate } from '@/components/auth/room-gate';

/** The room tablet: full screen, no desk header; a paired tablet is kept in its own room. */
export default function RoomsLayout({ children }: { children: ReactNode }) {
  return (
    <SessionProvider>
      <RoomGate>{children}</RoomGate>
    </SessionProvider>
  );
}
