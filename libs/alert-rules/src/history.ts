import type { AlertSubjectKind } from './config.js';
import type { AlertExam } from './types.js';

/**
 * The new exam and the loaded history as one list, oldest first, one entry per examId. The new exam wins over
 * a stale copy of itself; other duplicates resolve by content, so the caller's order never matters.
 */
export function mergeHistory(exam: AlertExam, history: readonly AlertExam[]): AlertExam[] {
  const byId = new Map<string, AlertExam>();
  for (const candidate of history) {
    const kept = byId.get(candidate.examId);
    if (!kept || contentKey(candidate) > contentKey(kept)) byId.set(candidate.examId, candidate);
  }
  byId.set(exam.examId, exam);
  return [...byId.values()].sort(chronological);
}

function chronological(a: AlertExam, b: AlertExam): number {
  const byTime = a.receivedAt.getTime() - b.receivedAt.getTime();
  if (byTime !== 0) return byTime;
  return a.examId < b.examId ? -1 : a.examId > b.examId ? 1 : 0;
}

function contentKey(exam: AlertExam): string {
  return JSON.stringify([
    exam.receivedAt.getTime(),
    exam.station,
    exam.technologist,
    exam.view,
    exam.assessable,
    exam.qualified,
    [...exam.failedCriteria].sort(),
    exam.deviationIndex,
  ]);
}

/** An assessable exam with a verdict: the denominator of every unqualified count. */
export function hasQualityVerdict(exam: AlertExam): boolean {
  return exam.assessable && exam.qualified !== null;
}

export function isUnqualified(exam: AlertExam): boolean {
  return exam.assessable && exam.qualified === false;
}

/** The exam's station or technologist. */
export function subjectOf(exam: AlertExam, kind: AlertSubjectKind): string {
  return kind === 'station' ? exam.station : exam.technologist;
}

/** '' (or blanks) means the caller does not know the station or technologist. */
export function isKnownSubject(subject: string): boolean {
  return subject.trim() !== '';
}

/** The last `n` items (all of them when there are fewer). */
export function lastN<T>(items: readonly T[], n: number): T[] {
  return items.slice(Math.max(0, items.length - n));
}
