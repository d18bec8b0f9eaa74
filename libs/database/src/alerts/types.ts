import type {
  AlertInput,
  AlertMetrics,
  AlertPage,
  AlertRecord,
  AlertSubjectKind,
  WebhookDelivery,
} from '@spineqc/contracts';
import type { View } from '../exams/types.js';

export type { AlertInput, AlertMetrics, AlertPage, AlertRecord, AlertSubjectKind };

/** Whose exams the unqualified-rate rule counts: one DR room or one technologist, by name. */
export type AlertSubjectFilter = { station: string } | { technologist: string };

/** A subject's judged exams in a period, as the unqualified-rate rule counts them. */
export interface AlertPeriodCounts {
  /** Assessable exams (each has a qualified / unqualified verdict). */
  assessable: number;
  /** Of those, the unqualified ones. */
  unqualified: number;
  /** The newest MAX_PERIOD_EXAM_IDS unqualified exams' ids, oldest first (id breaks a tie in time). */
  unqualifiedExamIds: string[];
}

export interface RaiseAlertInput {
  alert: AlertInput;
  /** Becomes the alert's raisedAt and the time its deliveries are first due. */
  now: Date;
  /**
   * The `alert.raised` webhook data built from the stored alert (e.g. with links to its exams); by default the
   * alert itself. Runs inside the transaction: if it throws, nothing is stored.
   */
  payload?: (alert: AlertRecord) => unknown;
}

export interface RaisedAlert {
  alert: AlertRecord;
  /** One per active `alert.raised` subscription matching the subject. */
  deliveries: WebhookDelivery[];
}

export interface ListAlertsQuery {
  subjectKind?: AlertSubjectKind;
  subject?: string;
  ruleKind?: string;
  /** Default 50, at most 500. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** Which judged exams the alert rules look back on: newest first, received at or after `since`. */
export interface AlertHistoryQuery {
  station?: string;
  technologist?: string;
  /** At most MAX_ALERT_HISTORY. */
  limit: number;
  since: Date;
}

/** A judged exam as the alert rules see it. */
export interface AlertHistoryExam {
  examId: string;
  /** '' when the sender named none. */
  station: string;
  technologist: string;
  view: View;
  receivedAt: Date;
  assessable: boolean;
  /** null when not assessable. */
  qualified: boolean | null;
  /** In the rules' order. */
  failedCriteria: string[];
  /** The exposure criterion's measured value (its unit is DI); null when the verdict has none. */
  deviationIndex: number | null;
}
