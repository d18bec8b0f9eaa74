import type { View } from '@spineqc/qc-standard';
import type { AlertRuleKind, AlertRulesConfig, AlertSubjectKind } from './config.js';

/** One exam as the alert rules see it: a `qc.verdict` reduced to what the rules count. No patient data. */
export interface AlertExam {
  examId: string;
  /** '' when unknown: an unknown station never alerts. */
  station: string;
  /** '' when unknown: an unknown technologist never alerts. */
  technologist: string;
  view: View;
  receivedAt: Date;
  /** Judged and assessable; false for a not-assessable film and for an image that could not be judged. */
  assessable: boolean;
  /** The verdict on an assessable exam; null when there is none. */
  qualified: boolean | null;
  /** Criterion ids that failed (may be present on a not-assessable exam too). */
  failedCriteria: readonly string[];
  /** Deviation Index of the exposure; null when unknown. */
  deviationIndex: number | null;
}

/** An alert raised earlier, for cool-downs. */
export interface RecentAlert {
  ruleKind: AlertRuleKind;
  subjectKind: AlertSubjectKind;
  subject: string;
  raisedAt: Date;
}

/**
 * One subject's exams in the unqualified-rate period, counted by the caller (a database aggregate) so the rule
 * need not see every exam of the period. Counted over the stored exams with the new exam among them, once.
 */
export interface PeriodCounts {
  /** Start of the period (see `periodCountsNeeded`): exams received strictly after it are counted. */
  since: Date;
  /** Assessable exams with a verdict. */
  assessable: number;
  /** Of those, the unqualified ones. */
  unqualified: number;
  /** Ids of the unqualified exams, oldest first; may hold only the newest of them (the counts stay exact). */
  unqualifiedExamIds: readonly string[];
}

/** Period counts for the new exam's station and technologist; a kind left out is counted from `history`. */
export type PeriodCountsBySubject = Partial<Record<AlertSubjectKind, PeriodCounts>>;

export interface EvaluateAlertsInput {
  config: AlertRulesConfig;
  /** The verdict just received. */
  exam: AlertExam;
  /** Recent exams the caller loaded (see `historyNeeded`); any order, may include `exam`. */
  history: readonly AlertExam[];
  /** The unqualified-rate rule's counts (see `periodCountsNeeded`); without them it counts `history`. */
  periodCounts?: PeriodCountsBySubject;
  recentAlerts: readonly RecentAlert[];
  now: Date;
}

/** What a rule found, before cool-down and versioning. */
export interface AlertFinding {
  subjectKind: AlertSubjectKind;
  subject: string;
  title: string;
  message: string;
  /** The exams that triggered it, oldest first. */
  examIds: string[];
  /** The numbers the message quotes. */
  metrics: Record<string, number>;
}

/** An alert to raise now. */
export interface NewAlert extends AlertFinding {
  ruleKind: AlertRuleKind;
  /** The configuration's version. */
  ruleVersion: string;
}
