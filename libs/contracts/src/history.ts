// The exam history as the API reads it (Date-typed); the REST API sends the same shapes as JSON (`Jsonified`),
// which is what the dashboard receives.
import type { CriterionOutcome, JudgedVerdict } from './verdict-message.js';
import type { ImageFormat, IngestSource } from './primitives.js';

export type View = JudgedVerdict['view'];
export type ExamStatus = 'received' | 'judged' | 'failed';
export type Vertebra = JudgedVerdict['vertebrae'][number];

/** One exam as a history list shows it. Station and technologist are '' when the sender named none. */
export interface ExamSummary {
  id: string;
  sopInstanceUid: string;
  studyInstanceUid: string | null;
  seriesInstanceUid: string | null;
  station: string;
  technologist: string;
  source: IngestSource;
  requestedView: View | null;
  status: ExamStatus;
  receivedAt: Date;
  /** When the verdict (or the final failure) was reached. */
  judgedAt: Date | null;
  failureCode: string | null;
  failureReason: string | null;
  /** The judged view; null until judged. */
  view: View | null;
  /** null until judged, and for images that were not assessable. */
  qualified: boolean | null;
  notAssessable: boolean | null;
  /** Ids of the criteria that failed, in the rules' order. */
  failedCriteria: string[];
}

export interface ImageMetadata {
  storageKey: string;
  format: ImageFormat;
  sizeBytes: number;
  sha256: string;
  sopClassUid: string | null;
  transferSyntaxUid: string | null;
  width: number | null;
  height: number | null;
  viewPosition: string | null;
  bodyPartExamined: string | null;
  /** When retention deleted the original (and its renders); null while it is stored. */
  purgedAt: Date | null;
}

export interface VerdictDetail {
  view: View;
  viewSource: JudgedVerdict['viewSource'];
  qualified: boolean;
  notAssessable: boolean;
  reason: string | null;
  confidence: number;
  /** [row, column] spacing in mm, and where it came from. */
  pixelSpacingMm: [number, number];
  pixelSpacingSource: string;
  modelVersion: string;
  rulesVersion: string;
  /** The measurements: one entry per criterion, in the rules' order. */
  criteria: CriterionOutcome[];
  vertebrae: Vertebra[];
  timingsMs: Record<string, number>;
  worker: string;
  attempts: number;
  judgedAt: Date;
}

export interface ExamDetail extends ExamSummary {
  /** Keyed hash of PatientID, as the ingest computed it. */
  patientIdHash: string | null;
  /** mm per pixel named by the sender for a file that carries none. */
  requestedPixelSpacingMm: number | null;
  image: ImageMetadata | null;
  verdict: VerdictDetail | null;
}

export interface IngestFailureRecord {
  id: string;
  source: IngestSource;
  errorCode: string;
  message: string;
  sopInstanceUid: string | null;
  callingAeTitle: string | null;
  remoteAddress: string | null;
  storageKey: string | null;
  sizeBytes: number;
  examId: string | null;
  createdAt: Date;
  /** When retention deleted the kept bytes (null while kept, or when none were kept). */
  purgedAt: Date | null;
}

export interface ExamPage {
  items: ExamSummary[];
  nextCursor: string | null;
  /** Exams matching the filter, all pages together. */
  total: number;
}

export type StatsGroupBy = 'technologist' | 'station' | 'view' | 'criterion';

/**
 * Counts for one period and one key (a technologist, station, view, or criterion id; '' when absent).
 * For groupBy 'criterion' a row counts the judged exams that report that criterion: `qualified` passed it,
 * `unqualified` failed it, `notAssessable` could not judge it, and `failed` is 0.
 */
export interface StatsRow {
  /** ISO date (YYYY-MM-DD) of the period's first day. */
  period: string;
  key: string;
  total: number;
  judged: number;
  qualified: number;
  unqualified: number;
  notAssessable: number;
  failed: number;
  /** unqualified / (qualified + unqualified); null when nothing assessable was judged. */
  unqualifiedRate: number | null;
}

/** A value as JSON.parse gives it back: dates become ISO strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

export interface StatsResponse {
  period: 'day' | 'week';
  groupBy: StatsGroupBy;
  rows: StatsRow[];
}
