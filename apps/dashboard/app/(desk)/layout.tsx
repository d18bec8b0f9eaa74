import type { ReactNode } from 'react';
import { DeskShell } from '@/components/desk-shell';

/** The desk screens (home, QA, review) share a header; the room tablet is full screen and has none. */
export default function DeskLayout({ children }: { children: ReactNode }) {
  return <DeskShell>{children}</DeskShell>;
}
