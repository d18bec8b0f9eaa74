import type {
  ExamStatus,
  ExamSummary,
  ImageFormat,
  IngestFailureRecord as ContractIngestFailureRecord,
  IngestSource,
  StatsGroupBy,
  View,
} from '@spineqc/contracts';

// The read models (ExamSummary, ExamDetail, StatsRow, …) live in @spineqc/contracts: the dashboard reads the same
// shapes over REST. They are re-exported here so the repository's callers keep one import.
export type {
  View,
  ExamStatus,
  Vertebra,
  ExamSummary,
  ImageMetadata,
  VerdictDetail,
  ExamDetail,
  ExamPage,
  StatsGroupBy,
  StatsRow,
} from '@spineqc/contracts';

/** An input refused at ingest (and, once retention ran, when its kept bytes were deleted). */
export type IngestFailureRecord = ContractIngestFailureRecord;

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
  /** When the input was refused; now by default (an import or a seeded history names it). */
  createdAt?: Date;
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
