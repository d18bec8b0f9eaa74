// The alert shapes as the API sends them (libs/database/src/alerts/types.ts, dates as ISO strings).

export const ALERT_SUBJECT_KINDS = ['station', 'technologist'] as const;
export type AlertSubjectKind = (typeof ALERT_SUBJECT_KINDS)[number];

export interface AlertDto {
  id: string;
  /** e.g. 'technologist-unqualified-streak'; a kind this page does not know is shown as it is. */
  ruleKind: string;
  /** The version of the rules configuration that raised it. */
  ruleVersion: string;
  subjectKind: AlertSubjectKind;
  subject: string;
  title: string;
  message: string;
  /** The exams that triggered it, oldest first. */
  examIds: string[];
  metrics: Record<string, number | string | boolean | null>;
  raisedAt: string;
}

export interface AlertPageDto {
  items: AlertDto[];
  nextCursor: string | null;
}
