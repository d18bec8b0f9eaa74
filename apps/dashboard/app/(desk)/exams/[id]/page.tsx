import type { Metadata } from 'next';
import { ExamReview } from '@/components/review/exam-review';

export const metadata: Metadata = { title: 'Exam review' };

export default async function ExamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ExamReview id={decodeURIComponent(id)} />;
}
