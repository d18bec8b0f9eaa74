import type { ExamDetailDto } from '@/lib/api-client';

/** What the review page shows as the exam's verdict. */
export type VerdictState = 'analysing' | 'qualified' | 'unqualified' | 'not-assessable' | 'failed';

export function verdictState(exam: Pick<ExamDetailDto, 'status' | 'verdict'>): VerdictState {
  if (exam.status === 'received') return 'analysing';
  if (exam.status === 'failed' || !exam.verdict) return 'failed';
  if (exam.verdict.notAssessable) return 'not-assessable';
  return exam.verdict.qualified ? 'qualified' : 'unqualified';
}

export const VERDICT_WORDS: Readonly<Record<VerdictState, string>> = {
  analysing: 'Analysing…',
  qualified: 'Qualified',
  unqualified: 'Unqualified',
  'not-assessable': 'Not assessable',
  failed: 'Could not be judged',
};

/** Waits between polls of an exam still being analysed: quick at first, then every 5 s. */
export function pollDelayMs(attempt: number): number {
  return Math.min(5000, 1000 * 2 ** Math.max(0, attempt));
}
