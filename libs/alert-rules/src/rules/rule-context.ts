import type { AlertExam } from '../types.js';

/** What every rule reads: the verdict just received and the merged history (oldest first, it included). */
export interface RuleContext {
  exam: AlertExam;
  exams: readonly AlertExam[];
  now: Date;
}
