// One word for what an exam's verdict is, shared by the tablet, the home page and the review page.

export type VerdictKind = 'qualified' | 'unqualified' | 'not-assessable' | 'analysing' | 'failed' | 'waiting';

/** The fields of an exam that decide its verdict (a live exam, a summary and a detail all have them). */
export interface VerdictFields {
  status: 'received' | 'judged' | 'failed';
  qualified: boolean | null;
  notAssessable: boolean | null;
}

/** `waiting` is a room with no exam yet; `analysing` an image received and not yet judged. */
export function verdictKind(exam: VerdictFields | null | undefined): VerdictKind {
  if (!exam) return 'waiting';
  if (exam.status === 'received') return 'analysing';
  if (exam.status === 'failed') return 'failed';
  if (exam.notAssessable || exam.qualified === null) return 'not-assessable';
  return exam.qualified ? 'qualified' : 'unqualified';
}
