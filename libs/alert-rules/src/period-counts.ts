import type { AlertRulesConfig, AlertSubjectKind } from './config.js';
import { hasQualityVerdict, isKnownSubject, isUnqualified, mergeHistory, subjectOf } from './history.js';
import type { AlertExam, PeriodCounts, PeriodCountsBySubject } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Start of the `days`-day period that ends at `now`. */
export function periodStart(days: number, now: Date): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** Only a lower bound: a film stamped slightly ahead of `now` (modality clock skew) still counts. */
export function isInPeriod(exam: AlertExam, since: Date): boolean {
  return exam.receivedAt.getTime() > since.getTime();
}

/** The subjects whose period the caller should count, and from when. */
export interface PeriodCountsRequest {
  since: Date;
  subjects: { kind: AlertSubjectKind; subject: string }[];
}

/**
 * What the unqualified-rate rule needs counted for this verdict, or null when it cannot fire on it (disabled, an
 * exam that is not unqualified, one outside the period, no known subject): most verdicts need no count at all.
 */
export function periodCountsNeeded(
  config: AlertRulesConfig,
  exam: AlertExam,
  now: Date,
): PeriodCountsRequest | null {
  const rule = config.rules['unqualified-rate'];
  if (!rule.enabled || !isUnqualified(exam)) return null;
  const since = periodStart(rule.days, now);
  if (!isInPeriod(exam, since)) return null;
  const subjects = rule.subjects
    .map((kind) => ({ kind, subject: subjectOf(exam, kind) }))
    .filter(({ subject }) => isKnownSubject(subject));
  return subjects.length > 0 ? { since, subjects } : null;
}

/** One subject's period counts over `exams` (oldest first, one entry per exam). */
export function countSubjectPeriod(
  exams: readonly AlertExam[],
  kind: AlertSubjectKind,
  subject: string,
  since: Date,
): PeriodCounts {
  const assessable = exams.filter(
    (e) => subjectOf(e, kind) === subject && isInPeriod(e, since) && hasQualityVerdict(e),
  );
  const unqualified = assessable.filter(isUnqualified);
  return {
    since,
    assessable: assessable.length,
    unqualified: unqualified.length,
    unqualifiedExamIds: unqualified.map((e) => e.examId),
  };
}

/**
 * The counts a database aggregate gives for the new exam's station and technologist once `exam` is stored beside
 * `history`: every exam once, the new one over a stale copy of itself, no cap on the ids.
 */
export function countPeriods(
  exam: AlertExam,
  history: readonly AlertExam[],
  since: Date,
): Required<PeriodCountsBySubject> {
  const exams = mergeHistory(exam, history);
  return {
    station: countSubjectPeriod(exams, 'station', exam.station, since),
    technologist: countSubjectPeriod(exams, 'technologist', exam.technologist, since),
  };
}
