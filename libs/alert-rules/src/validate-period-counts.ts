import { ALERT_SUBJECT_KINDS, type AlertRulesConfig } from './config.js';
import { isKnownSubject, isUnqualified, subjectOf } from './history.js';
import { isInPeriod, periodStart } from './period-counts.js';
import type { EvaluateAlertsInput, PeriodCounts } from './types.js';

/**
 * Period counts must be whole, consistent, of the rule's own period, and, where the new exam can raise the rate
 * alert, include it: a caller counting before storing the verdict (or over another period) would silently
 * shift every rate.
 */
export function checkPeriodCounts(
  input: EvaluateAlertsInput,
  config: AlertRulesConfig,
  problems: string[],
): void {
  const rule = config.rules['unqualified-rate'];
  const since = periodStart(rule.days, input.now);
  for (const kind of ALERT_SUBJECT_KINDS) {
    const counts = input.periodCounts?.[kind];
    if (!counts) continue;
    const where = `periodCounts.${kind}`;
    const before = problems.length;
    checkShape(counts, where, problems);
    if (problems.length > before || !rule.enabled) continue;
    if (counts.since.getTime() !== since.getTime())
      problems.push(`${where}.since: not the start of the ${rule.days}-day period ending now`);
    const { exam } = input;
    const counted = isUnqualified(exam) && isInPeriod(exam, since) && isKnownSubject(subjectOf(exam, kind));
    const idsComplete = counts.unqualifiedExamIds.length === counts.unqualified;
    if (
      counted &&
      (counts.unqualified === 0 || (idsComplete && !counts.unqualifiedExamIds.includes(exam.examId)))
    )
      problems.push(`${where}: does not count the new exam (count after storing it)`);
  }
}

function checkShape(counts: PeriodCounts, where: string, problems: string[]): void {
  if (!(counts.since instanceof Date) || Number.isNaN(counts.since.getTime()))
    problems.push(`${where}.since: not a valid date`);
  for (const key of ['assessable', 'unqualified'] as const) {
    if (!Number.isSafeInteger(counts[key]) || counts[key] < 0) problems.push(`${where}.${key}: not a count`);
  }
  if (counts.unqualified > counts.assessable) problems.push(`${where}.unqualified: more than assessable`);
  const ids = counts.unqualifiedExamIds;
  if (ids.length > counts.unqualified)
    problems.push(`${where}.unqualifiedExamIds: more ids than unqualified`);
  if (ids.some((id) => !id) || new Set(ids).size !== ids.length)
    problems.push(`${where}.unqualifiedExamIds: empty or repeated ids`);
}
