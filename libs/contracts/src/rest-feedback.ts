// REST shapes of the feedback loop and the exam review page, as the API sends them (dates as ISO strings).
import { CRITERION_IDS, type CriterionId } from '@spineqc/qc-standard';
import { z } from 'zod';
import type { ExamSummary, Jsonified } from './history.js';
import type { ImageFormat } from './primitives.js';

export const FEEDBACK_SOURCES = ['tablet', 'review'] as const;
export const feedbackSourceSchema = z.enum(FEEDBACK_SOURCES);
/** Where feedback was given: the room tablet, or the exam review page. */
export type FeedbackSource = z.infer<typeof feedbackSourceSchema>;

/** Body of `POST /api/exams/:id/feedback`. */
export const feedbackRequestSchema = z.object({
  agree: z.boolean(),
  /**
   * Who is speaking, typed on a shared room tablet (required there); a signed-in person's feedback is recorded under
   * their account's name instead.
   */
  author: z.string().trim().min(1).max(64).optional(),
  reason: z.string().trim().max(500).nullish(),
  /** The criterion the reviewer disputes. */
  criterion: z.enum(CRITERION_IDS as [CriterionId, ...CriterionId[]]).nullish(),
  source: feedbackSourceSchema.default('review'),
});
/** What a client sends (`source` may be left out). */
export type FeedbackRequest = z.input<typeof feedbackRequestSchema>;

/** One feedback entry: `POST` answers with it (201), `GET /api/exams/:id/feedback` lists them newest first. */
export interface FeedbackRecordJson {
  id: string;
  examId: string;
  agree: boolean;
  criterion: CriterionId | null;
  reason: string | null;
  author: string;
  /** The account or tablet that recorded it ("user alice", "device DR-1"); null before accounts existed. */
  recordedBy: string | null;
  source: FeedbackSource;
  createdAt: string;
}

/** `GET /api/exams/:id/feedback` */
export interface FeedbackListJson {
  items: FeedbackRecordJson[];
}

/** An exam whose latest feedback disagrees with its verdict, with all its feedback newest first. */
export interface DisputedExamJson {
  exam: Jsonified<ExamSummary>;
  feedback: FeedbackRecordJson[];
}

/** `GET /api/feedback/disputed`: newest exam first; pass `nextCursor` as `cursor` for the next page. */
export interface DisputedPageJson {
  items: DisputedExamJson[];
  nextCursor: string | null;
}

/**
 * Agreement with the verdicts on one criterion: an entry counts for every criterion its exam failed, a disagreement
 * naming a criterion counts for that one too (once), and entries on qualified exams count under key ''.
 */
export interface AgreementRowJson {
  key: CriterionId | '';
  feedback: number;
  agree: number;
  disagree: number;
  /** agree / feedback; null when there is none. */
  agreementRate: number | null;
}

/** `GET /api/feedback/agreement` */
export interface AgreementJson {
  rows: AgreementRowJson[];
}

/** The acquisition attributes a reviewer reads, by DICOM keyword; null when the file has none. Never patient identity. */
export interface DicomReviewTags {
  ViewPosition: string | null;
  BodyPartExamined: string | null;
  StationName: string | null;
  OperatorsName: string | null;
  Manufacturer: string | null;
  ManufacturerModelName: string | null;
  KVP: number | null;
  /** mAs (whole) */
  Exposure: number | null;
  ExposureInuAs: number | null;
  ExposureIndex: number | null;
  TargetExposureIndex: number | null;
  DeviationIndex: number | null;
  /** [row, column] mm */
  PixelSpacing: [number, number] | null;
  /** [row, column] mm at the detector */
  ImagerPixelSpacing: [number, number] | null;
  Rows: number;
  Columns: number;
  PhotometricInterpretation: string | null;
  BitsStored: number | null;
  TransferSyntaxUID: string;
  SOPClassUID: string;
  /** DICOM DT, DA and TM strings as stored */
  AcquisitionDateTime: string | null;
  ContentDate: string | null;
  ContentTime: string | null;
}

/** `GET /api/exams/:id/dicom-tags`: PNG and JPEG exams carry only their size. */
export type DicomTagsJson =
  | { format: Extract<ImageFormat, 'dicom'>; tags: DicomReviewTags }
  | { format: Exclude<ImageFormat, 'dicom'>; tags: { Rows: number; Columns: number } };
