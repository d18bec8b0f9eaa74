import type { CriterionOutcome, ImageFormat, IngestSource, JudgedVerdict } from '@spineqc/contracts';

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

/** An exam still waiting for its verdict, with what is needed to publish `qc.image.received` again. */
export interface PendingExam extends ExamSummary {
  storageKey: string;
  format: ImageFormat;
  requestedPixelSpacingMm: number | null;
}

export interface RecordReceivedInput {
  sopInstanceUid: string;
  studyInstanceUid?: string | null;
  seriesInstanceUid?: string | null;
  /** Keyed HMAC of PatientID computed by the caller; never the raw identifier. */
  patientIdHash?: string | null;
  /** DR room (StationName); '' when unknown. */
  station: string;
  /** Technologist (OperatorsName); '' when unknown. */
  operator: string;
  source: IngestSource;
  requestedView: View | null;
  requestedPixelSpacingMm?: number | null;
  receivedAt: Date;
  image: {
    storageKey: string;
    format: ImageFormat;
    sizeBytes: number;
    sha256: string;
    sopClassUid?: string | null;
    transferSyntaxUid?: string | null;
    width?: number | null;
    height?: number | null;
    viewPosition?: string | null;
    bodyPartExamined?: string | null;
  };
}

export interface IngestFailureInput {
  source: IngestSource;
  errorCode: string;
  message: string;
  sopInstanceUid?: string | null;
  callingAeTitle?: string | null;
  remoteAddress?: string | null;
  /** Where the rejected bytes were kept. */
  storageKey?: string | null;
  sizeBytes: number;
  /** The exam the failure concerns, when it got that far. */
  examId?: string | null;
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
}

export interface ExamFilter {
  station?: string;
  technologist?: string;
  /** The judged view, or for exams not judged yet the view the sender asked for. */
  view?: View;
  /** true: qualified; false: judged, assessable and not qualified. */
  qualified?: boolean;
  notAssessable?: boolean;
  /** Only exams that failed this criterion. */
  criterion?: string;
  status?: ExamStatus;
  /** receivedAt ≥ from */
  from?: Date;
  /** receivedAt < to */
  to?: Date;
}

export interface ListExamsQuery extends ExamFilter {
  /** Default 50, at most 500. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface ExamPage {
  items: ExamSummary[];
  nextCursor: string | null;
  /** Exams matching the filter, all pages together. */
  total: number;
}

export type StatsGroupBy = 'technologist' | 'station' | 'view' | 'criterion';

export interface StatsQuery {
  period: 'day' | 'week';
  groupBy: StatsGroupBy;
  from?: Date;
  to?: Date;
  station?: string;
  technologist?: string;
  view?: View;
  /** IANA zone whose calendar days and (Monday-based) weeks the periods follow; default UTC. */
  timeZone?: string;
}

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
