import type { AlertSubjectKind, UnqualifiedRateConfig } from '../config.js';
import { percent, subjectLabel } from '../format.js';
import { hasQualityVerdict, isKnownSubject, isUnqualified } from '../history.js';
import type { AlertExam, AlertFinding } from '../types.js';
import type { RuleContext } from './rule-context.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A room's or technologist's unqualified rate over the last `days` days strictly above `threshold` (TG-151's
 * investigation level), once there are at least `minExams` assessable exams. Raised by an unqualified exam
 * inside the period.
 */
export function unqualifiedRate(context: RuleContext, rule: UnqualifiedRateConfig): AlertFinding[] {
  if (!isUnqualified(context.exam)) return [];
  const since = context.now.getTime() - rule.days * DAY_MS;
  // Only a lower bound: a film stamped slightly ahead of `now` (modality clock skew) still counts.
  const inPeriod = (e: AlertExam) => e.receivedAt.getTime() > since;
  if (!inPeriod(context.exam)) return [];
  return rule.subjects.flatMap((kind) => rateFor(kind, context, rule, inPeriod));
}

function rateFor(
  kind: AlertSubjectKind,
  { exam, exams }: RuleContext,
  rule: UnqualifiedRateConfig,
  inPeriod: (e: AlertExam) => boolean,
): AlertFinding[] {
  const subject = kind === 'station' ? exam.station : exam.technologist;
  if (!isKnownSubject(subject)) return [];
  const ofSubject = (e: AlertExam) => (kind === 'station' ? e.station : e.technologist) === subject;
  const assessable = exams.filter((e) => ofSubject(e) && inPeriod(e) && hasQualityVerdict(e));
  const unqualified = assessable.filter(isUnqualified);
  const rate = assessable.length ? unqualified.length / assessable.length : 0;
  if (assessable.length < rule.minExams || !(rate > rule.threshold)) return [];
  const who = subjectLabel(kind, subject);
  return [
    {
      subjectKind: kind,
      subject,
      title: `Unqualified rate above the investigation level: ${who}`,
      message:
        `${who}: unqualified rate over the last ${rule.days} days is ${percent(rate)} ` +
        `(${unqualified.length} of ${assessable.length} assessable exams), ` +
        `above the ${percent(rule.threshold)} investigation level (AAPM TG-151).`,
      examIds: unqualified.map((e) => e.examId),
      metrics: {
        unqualified: unqualified.length,
        assessable: assessable.length,
        rate,
        threshold: rule.threshold,
        days: rule.days,
      },
    },
  ];
}
