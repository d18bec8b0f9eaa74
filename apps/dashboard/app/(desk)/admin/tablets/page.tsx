import type { Metadata } from 'next';
import { TabletsPage } from '@/components/admin/tablets-page';

export const metadata: Metadata = { title: 'Room tablets' };

export default function Page() {
  return <TabletsPage />;
}
