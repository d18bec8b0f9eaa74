import type { TechnologistUnqualifiedStreakConfig } from '../config.js';
import { plural } from '../format.js';
import { hasQualityVerdict, isKnownSubject, isUnqualified, lastN } from '../history.js';
import type { AlertFinding } from '../types.js';
import type { RuleContext } from './rule-context.js';

/**
 * ≥ minUnqualified unqualified among the technologist's last `window` assessable exams (fewer when they have
 * fewer). Raised by an unqualified exam inside that window, so a good exam never raises it.
 */
export function technologistUnqualifiedStreak(
  { exam, exams }: RuleContext,
  rule: TechnologistUnqualifiedStreakConfig,
): AlertFinding[] {
  const technologist = exam.technologist;
  if (!isKnownSubject(technologist) || !isUnqualified(exam)) return [];
  const recent = lastN(
    exams.filter((e) => e.technologist === technologist && hasQualityVerdict(e)),
    rule.window,
  );
  const unqualified = recent.filter(isUnqualified);
  if (unqualified.length < rule.minUnqualified || !unqualified.includes(exam)) return [];
  return [
    {
      subjectKind: 'technologist',
      subject: technologist,
      title: `Repeated unqualified exams: ${technologist}`,
      message:
        `${technologist} has ${unqualified.length} unqualified of their last ${plural(recent.length, 'assessable exam', 'assessable exams')} ` +
        `(alert at ${rule.minUnqualified} of ${rule.window}).`,
      examIds: unqualified.map((e) => e.examId),
      metrics: {
        unqualified: unqualified.length,
        assessable: recent.length,
        minUnqualified: rule.minUnqualified,
        window: rule.window,
      },
    },
  ];
}
