import type { AlertExam } from '@spineqc/alert-rules';
import type { ExamDetail } from '@spineqc/database';

/** A just-recorded exam as the alert rules see it (the DI is the exposure criterion's value, in DI units). */
export function toAlertExam(exam: ExamDetail): AlertExam | null {
  const verdict = exam.verdict;
  if (!verdict) return null;
  const exposure = verdict.criteria.find((c) => c.id === 'exposure');
  return {
    examId: exam.id,
    station: exam.station,
    technologist: exam.technologist,
    view: verdict.view,
    receivedAt: exam.receivedAt,
    assessable: !verdict.notAssessable,
    qualified: verdict.notAssessable ? null : verdict.qualified,
    failedCriteria: verdict.criteria.filter((c) => c.passed === false).map((c) => c.id),
    deviationIndex: exposure?.value ?? null,
  };
}
