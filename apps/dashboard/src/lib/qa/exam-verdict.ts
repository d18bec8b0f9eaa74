// Which verdict an exam in a list shows: the word always goes with the icon, colour is never the only signal.
import type { ExamSummaryDto } from '@/lib/api-client';

export type ExamVerdictKind = 'qualified' | 'unqualified' | 'notAssessable' | 'pending' | 'failed';

export const VERDICT_WORDS: Record<ExamVerdictKind, string> = {
  qualified: 'Qualified',
  unqualified: 'Unqualified',
  notAssessable: 'Not assessable',
  pending: 'Analysing',
  failed: 'Processing failed',
};

export function examVerdict(
  exam: Pick<ExamSummaryDto, 'status' | 'qualified' | 'notAssessable'>,
): ExamVerdictKind {
  if (exam.status === 'failed') return 'failed';
  if (exam.status === 'received') return 'pending';
  if (exam.notAssessable) return 'notAssessable';
  return exam.qualified ? 'qualified' : 'unqualified';
}
