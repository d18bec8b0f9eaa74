import type { ReactNode } from 'react';
import { SessionProvider } from '@/components/auth/session-provider';
import { DeskShell } from '@/components/desk-shell';

/** The desk screens (home, QA, review, admin) share a header; the room tablet is full screen and has none. */
export default function DeskLayout({ children }: { children: ReactNode }) {
  return (
    <SessionProvider>
      <DeskShell>{children}</DeskShell>
    </SessionProvider>
  );
}
