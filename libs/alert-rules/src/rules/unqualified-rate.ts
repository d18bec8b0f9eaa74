import type { AlertSubjectKind, UnqualifiedRateConfig } from '../config.js';
import { percent, subjectLabel } from '../format.js';
import { isKnownSubject, isUnqualified, subjectOf } from '../history.js';
import { countSubjectPeriod, isInPeriod, periodStart } from '../period-counts.js';
import type { AlertFinding, PeriodCounts } from '../types.js';
import type { RuleContext } from './rule-context.js';

/**
 * A room's or technologist's unqualified rate over the last `days` days strictly above `threshold` (TG-151's
 * investigation level), once there are at least `minExams` assessable exams. Raised by an unqualified exam
 * inside the period. Counts the caller's period counts where given, the history otherwise.
 */
export function unqualifiedRate(context: RuleContext, rule: UnqualifiedRateConfig): AlertFinding[] {
  const { exam } = context;
  if (!isUnqualified(exam)) return [];
  const since = periodStart(rule.days, context.now);
  if (!isInPeriod(exam, since)) return [];
  return rule.subjects.flatMap((kind) => {
    const subject = subjectOf(exam, kind);
    if (!isKnownSubject(subject)) return [];
    const counts = context.periodCounts[kind] ?? countSubjectPeriod(context.exams, kind, subject, since);
    return rateFinding(kind, subject, counts, rule);
  });
}

function rateFinding(
  kind: AlertSubjectKind,
  subject: string,
  counts: PeriodCounts,
  rule: UnqualifiedRateConfig,
): AlertFinding[] {
  const { assessable, unqualified } = counts;
  const rate = assessable ? unqualified / assessable : 0;
  if (assessable < rule.minExams || !(rate > rule.threshold)) return [];
  const who = subjectLabel(kind, subject);
  return [
    {
      subjectKind: kind,
      subject,
      title: `Unqualified rate above the investigation level: ${who}`,
      message:
        `${who}: unqualified rate over the last ${rule.days} days is ${percent(rate)} ` +
        `(${unqualified} of ${assessable} assessable exams), ` +
        `above the ${percent(rule.threshold)} investigation level (AAPM TG-151).`,
      examIds: [...counts.unqualifiedExamIds],
      metrics: { unqualified, assessable, rate, threshold: rule.threshold, days: rule.days },
    },
  ];
}
