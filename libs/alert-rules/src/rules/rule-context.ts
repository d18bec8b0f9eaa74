import type { AlertExam, PeriodCountsBySubject } from '../types.js';

/** What every rule reads: the verdict just received and the merged history (oldest first, it included). */
export interface RuleContext {
  exam: AlertExam;
  exams: readonly AlertExam[];
  /** The caller's period counts for the rate rule, when it gave them. */
  periodCounts: PeriodCountsBySubject;
  now: Date;
}
