import { CRITERIA, criteriaForView, type CriterionId } from '@spineqc/qc-standard';
import type { CriterionRepeatedInRoomConfig } from '../config.js';
import { isKnownSubject } from '../history.js';
import type { AlertExam, AlertFinding } from '../types.js';
import type { RuleContext } from './rule-context.js';

/**
 * The same criterion failed `count` times in a row in one room. A failure extends the run; an assessable exam
 * whose view has the criterion and that passed it breaks the run; an exam that says nothing about the criterion
 * (another view, or not assessable without that failure) is skipped. Raised by a failing exam that is part of
 * the room's latest run; all criteria that reached the count go into ONE alert for the room.
 */
export function criterionRepeatedInRoom(
  { exam, exams }: RuleContext,
  rule: CriterionRepeatedInRoomConfig,
): AlertFinding[] {
  const station = exam.station;
  if (!isKnownSubject(station)) return [];
  const roomExams = exams.filter((e) => e.station === station);
  const runs = [...new Set(exam.failedCriteria)]
    .sort()
    .map((criterion) => ({ criterion, run: latestRun(roomExams, criterion) }))
    .filter(({ run }) => run.length >= rule.count && run.includes(exam));
  if (!runs.length) return [];

  const longest = Math.max(...runs.map(({ run }) => run.length));
  const triggering = new Set(runs.flatMap(({ run }) => run));
  const phrases = runs.map(
    ({ criterion, run }) => `'${criterion}' (${label(criterion)}) ${run.length} times`,
  );
  const metrics: Record<string, number> = { longestRun: longest, count: rule.count, criteria: runs.length };
  for (const { criterion, run } of runs) metrics[`run:${criterion}`] = run.length;
  return [
    {
      subjectKind: 'station',
      subject: station,
      title: `Repeated criterion failure in ${station}: ${runs.map((r) => r.criterion).join(', ')}`,
      message: `${station} failed ${joinPhrases(phrases)} in a row (alert at ${rule.count}).`,
      examIds: roomExams.filter((e) => triggering.has(e)).map((e) => e.examId),
      metrics,
    },
  ];
}

/** The trailing run of failures of `criterion` in the room's exams (oldest first). */
function latestRun(roomExams: readonly AlertExam[], criterion: string): AlertExam[] {
  const run: AlertExam[] = [];
  for (let i = roomExams.length - 1; i >= 0; i--) {
    const e = roomExams[i];
    if (e.failedCriteria.includes(criterion)) run.unshift(e);
    else if (e.assessable && appliesTo(e, criterion)) break;
  }
  return run;
}

function appliesTo(exam: AlertExam, criterion: string): boolean {
  return (criteriaForView(exam.view) as string[]).includes(criterion);
}

function label(criterion: string): string {
  return criterion in CRITERIA ? CRITERIA[criterion as CriterionId].label : criterion;
}

function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}
