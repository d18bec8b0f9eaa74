import type { Metadata } from 'next';
import { PairPage } from '@/components/auth/pair-page';

export const metadata: Metadata = { title: 'Pair a room tablet' };

export default function Page() {
  return <PairPage />;
}
