import type { Metadata } from 'next';
import { QaPage } from '@/components/qa/qa-page';

export const metadata: Metadata = { title: 'Quality assurance' };

export default function Page() {
  return <QaPage />;
}
