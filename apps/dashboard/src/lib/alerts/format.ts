// How the alerts page writes subjects, links and times.
import type { AlertSubjectKind } from './types';

/** "Room DR-ROOM-2" / "Technologist Okafor^Ada" as a heading reads it. */
export function subjectKindLabel(kind: AlertSubjectKind): string {
  return kind === 'station' ? 'Room' : 'Technologist';
}

/** The QA page narrowed to the alert's room or technologist (its URL filters, see lib/qa/filters). */
export function qaLinkForSubject(kind: AlertSubjectKind, subject: string): string {
  return `/qa?${new URLSearchParams({ [kind]: subject }).toString()}`;
}

export function examLink(examId: string): string {
  return `/exams/${encodeURIComponent(examId)}`;
}

/** A short, stable label for an exam link: the start of its id (ids are UUIDs). */
export function shortExamId(examId: string): string {
  return examId.length > 8 ? examId.slice(0, 8) : examId;
}

/** "just now", "4 min ago", "3 h ago", "2 days ago"; a time in the future (clock skew) reads "just now". */
export function timeAgo(iso: string, now: Date): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, Math.round((now.getTime() - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
