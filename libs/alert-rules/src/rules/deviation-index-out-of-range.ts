import type { DeviationIndexOutOfRangeConfig } from '../config.js';
import { signed } from '../format.js';
import { isKnownSubject, lastN } from '../history.js';
import type { AlertExam, AlertFinding } from '../types.js';
import type { RuleContext } from './rule-context.js';

/**
 * Deviation Index outside [low, high] on ≥ minCount of the room's last `window` exams with a known DI (fewer
 * when there are fewer; an unknown DI neither counts nor dilutes). Raised by an out-of-range exam inside that
 * window. Exposure is judged on every film, assessable or not.
 */
export function deviationIndexOutOfRange(
  { exam, exams }: RuleContext,
  rule: DeviationIndexOutOfRangeConfig,
): AlertFinding[] {
  const station = exam.station;
  if (!isKnownSubject(station)) return [];
  const outOfRange = (e: AlertExam) =>
    e.deviationIndex !== null && (e.deviationIndex < rule.low || e.deviationIndex > rule.high);
  if (!outOfRange(exam)) return [];
  const recent = lastN(
    exams.filter((e) => e.station === station && e.deviationIndex !== null),
    rule.window,
  );
  const outside = recent.filter(outOfRange);
  if (outside.length < rule.minCount || !outside.includes(exam)) return [];
  const range = `${signed(rule.low)} to ${signed(rule.high)}`;
  return [
    {
      subjectKind: 'station',
      subject: station,
      title: `Deviation Index repeatedly out of range in ${station}`,
      message:
        `Deviation Index outside ${range} on ${outside.length} of the last ${recent.length} films in ${station} ` +
        `(DI ${outside.map((e) => signed(e.deviationIndex!)).join(', ')}; alert at ${rule.minCount} of ${rule.window}).`,
      examIds: outside.map((e) => e.examId),
      metrics: {
        outOfRange: outside.length,
        films: recent.length,
        low: rule.low,
        high: rule.high,
        minCount: rule.minCount,
        window: rule.window,
      },
    },
  ];
}
