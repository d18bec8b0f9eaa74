import type { AlertRecord, ExamDetail } from '@spineqc/database';

/** Where a person opens an exam (the dashboard's review page) and where a program reads it (the API). */
export interface ExamLinkBase {
  dashboardUrl: string;
  apiUrl: string;
}

const examLinks = (base: ExamLinkBase, id: string) => ({
  review: `${base.dashboardUrl}/exams/${id}`,
  api: `${base.apiUrl}/api/exams/${id}`,
});

/** `alert.raised` data: the alert and links to the exams that triggered it. */
export function alertPayload(alert: AlertRecord, base: ExamLinkBase) {
  return {
    ...alert,
    raisedAt: alert.raisedAt.toISOString(),
    links: {
      exams: alert.examIds.map((id) => examLinks(base, id).review),
      api: alert.examIds.map((id) => examLinks(base, id).api),
    },
  };
}

/** `exam.judged` data: the verdict with its criteria; no patient identity (not even the keyed hash). */
export function examJudgedPayload(exam: ExamDetail, base: ExamLinkBase) {
  const verdict = exam.verdict;
  return {
    examId: exam.id,
    sopInstanceUid: exam.sopInstanceUid,
    station: exam.station,
    technologist: exam.technologist,
    status: exam.status,
    view: verdict?.view ?? null,
    qualified: exam.qualified,
    notAssessable: exam.notAssessable,
    reason: verdict?.reason ?? exam.failureReason,
    failedCriteria: exam.failedCriteria,
    criteria: verdict?.criteria ?? [],
    receivedAt: exam.receivedAt.toISOString(),
    judgedAt: exam.judgedAt?.toISOString() ?? null,
    modelVersion: verdict?.modelVersion ?? null,
    rulesVersion: verdict?.rulesVersion ?? null,
    links: examLinks(base, exam.id),
  };
}
