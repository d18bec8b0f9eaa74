import type { ExamSummary, View } from '../exams/types.js';

/** Where the feedback was given: the room tablet beside the DR console, or the exam review page. */
export type FeedbackSource = 'tablet' | 'review';

export interface FeedbackInput {
  examId: string;
  /** true: the reviewer agrees with the verdict. */
  agree: boolean;
  /** The name the reviewer typed (a signed-in person's account name), 1–64 characters. */
  author: string;
  /** At most 500 characters; blank is stored as null. */
  reason?: string | null;
  /** The criterion the reviewer disputes: one of qc-standard's CRITERION_IDS. */
  criterion?: string | null;
  /** Default 'review'. */
  source?: FeedbackSource;
  /** The account or tablet that recorded it ("user alice", "device DR-1"), at most 128 characters. */
  recordedBy?: string | null;
}

export interface FeedbackRecord {
  id: string;
  examId: string;
  agree: boolean;
  criterion: string | null;
  reason: string | null;
  author: string;
  source: FeedbackSource;
  /** The account or tablet that recorded it; null for entries from before accounts. */
  recordedBy: string | null;
  createdAt: Date;
}

/** Narrows feedback by its exam, with the meaning `stats` gives these fields. */
export interface FeedbackFilter {
  /** exam receivedAt ≥ from */
  from?: Date;
  /** exam receivedAt < to */
  to?: Date;
  station?: string;
  technologist?: string;
  /** The judged view, or for exams not judged yet the view the sender asked for. */
  view?: View;
}

export interface DisputedQuery extends FeedbackFilter {
  /** Default 50, at most 500. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** An exam whose latest feedback disagrees with its verdict, with all its feedback newest first. */
export interface DisputedExam {
  exam: ExamSummary;
  feedback: FeedbackRecord[];
}

/** Newest exam first, keyset-paginated like `listExams`. */
export interface DisputedPage {
  items: DisputedExam[];
  nextCursor: string | null;
}

/**
 * Agreement with the verdicts on one criterion. A feedback entry counts for every criterion its exam failed, and a
 * disagreement naming a criterion counts for that one too (once); entries on qualified exams count under key ''.
 */
export interface AgreementRow {
  /** A criterion id, or '' for qualified verdicts. */
  key: string;
  feedback: number;
  agree: number;
  disagree: number;
  /** agree / feedback; null when there is no feedback. */
  agreementRate: number | null;
}
