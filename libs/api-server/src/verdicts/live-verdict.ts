import type { LiveVerdict, VerdictMessage } from '@spineqc/contracts';

/** The tablet's view of a verdict message (same fields for judged and failed images). */
export function toLiveVerdict(message: VerdictMessage): LiveVerdict {
  const common = {
    examId: message.examId,
    sopInstanceUid: message.sopInstanceUid,
    station: message.station,
    operator: message.operator,
    receivedAt: message.receivedAt,
    judgedAt: message.judgedAt,
  };
  if (message.status === 'failed') {
    return {
      ...common,
      status: 'failed',
      view: null,
      qualified: null,
      notAssessable: true,
      reason: message.reason,
      criteria: [],
      modelVersion: null,
      rulesVersion: null,
    };
  }
  return {
    ...common,
    status: 'judged',
    view: message.view,
    qualified: message.notAssessable ? null : message.qualified,
    notAssessable: message.notAssessable,
    reason: message.reason,
    criteria: message.criteria,
    modelVersion: message.modelVersion,
    rulesVersion: message.rulesVersion,
  };
}
