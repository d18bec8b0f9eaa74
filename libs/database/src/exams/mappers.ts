import type { CriterionOutcome } from '@spineqc/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import { fromDbSource } from './db-enums.js';
import type {
  ExamDetail,
  ExamSummary,
  ImageMetadata,
  IngestFailureRecord,
  PendingExam,
  VerdictDetail,
  Vertebra,
  View,
} from './types.js';

const orderOfRules = { position: 'asc' } as const;

export const summaryInclude = {
  station: { select: { name: true } },
  technologist: { select: { name: true } },
  verdict: {
    select: {
      view: true,
      qualified: true,
      notAssessable: true,
      criteria: { where: { passed: false }, select: { criterionId: true }, orderBy: orderOfRules },
    },
  },
} satisfies Prisma.ExamInclude;

export const detailInclude = {
  station: { select: { name: true } },
  technologist: { select: { name: true } },
  image: true,
  verdict: { include: { modelVersion: true, rulesVersion: true, criteria: { orderBy: orderOfRules } } },
} satisfies Prisma.ExamInclude;

export const pendingInclude = {
  ...summaryInclude,
  image: { select: { storageKey: true, format: true } },
} satisfies Prisma.ExamInclude;

type ExamRow = Prisma.ExamGetPayload<{ include: { station: true; technologist: true } }>;
type SummaryRow = Prisma.ExamGetPayload<{ include: typeof summaryInclude }>;
type DetailRow = Prisma.ExamGetPayload<{ include: typeof detailInclude }>;
type PendingRow = Prisma.ExamGetPayload<{ include: typeof pendingInclude }>;
type VerdictRow = NonNullable<DetailRow['verdict']>;
type CriterionRow = VerdictRow['criteria'][number];
type ImageRow = NonNullable<DetailRow['image']>;

interface VerdictOutline {
  view: string;
  qualified: boolean;
  notAssessable: boolean;
}

function examFields(
  row: Omit<ExamRow, 'station' | 'technologist'> & {
    station: { name: string } | null;
    technologist: { name: string } | null;
  },
  verdict: VerdictOutline | null,
  failedCriteria: string[],
): ExamSummary {
  return {
    id: row.id,
    sopInstanceUid: row.sopInstanceUid,
    studyInstanceUid: row.studyInstanceUid,
    seriesInstanceUid: row.seriesInstanceUid,
    station: row.station?.name ?? '',
    technologist: row.technologist?.name ?? '',
    source: fromDbSource(row.source),
    requestedView: row.requestedView as View | null,
    status: row.status,
    receivedAt: row.receivedAt,
    judgedAt: row.judgedAt,
    failureCode: row.failureCode,
    failureReason: row.failureReason,
    view: (verdict?.view ?? null) as View | null,
    qualified: verdict && !verdict.notAssessable ? verdict.qualified : null,
    notAssessable: verdict ? verdict.notAssessable : null,
    failedCriteria,
  };
}

export function toSummary(row: SummaryRow): ExamSummary {
  return examFields(row, row.verdict, row.verdict?.criteria.map((criterion) => criterion.criterionId) ?? []);
}

export function toPending(row: PendingRow): PendingExam {
  if (!row.image) throw new Error(`exam ${row.id} has no image record`);
  return {
    ...toSummary(row),
    storageKey: row.image.storageKey,
    format: row.image.format,
    requestedPixelSpacingMm: row.requestedPixelSpacingMm,
  };
}

export function toDetail(row: DetailRow): ExamDetail {
  const failed = row.verdict?.criteria.filter((criterion) => criterion.passed === false) ?? [];
  return {
    ...examFields(
      row,
      row.verdict,
      failed.map((criterion) => criterion.criterionId),
    ),
    patientIdHash: row.patientIdHash,
    requestedPixelSpacingMm: row.requestedPixelSpacingMm,
    image: row.image ? toImage(row.image) : null,
    verdict: row.verdict ? toVerdict(row.verdict) : null,
  };
}

function toImage(row: ImageRow): ImageMetadata {
  return {
    storageKey: row.storageKey,
    format: row.format,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    sopClassUid: row.sopClassUid,
    transferSyntaxUid: row.transferSyntaxUid,
    width: row.width,
    height: row.height,
    viewPosition: row.viewPosition,
    bodyPartExamined: row.bodyPartExamined,
    purgedAt: row.purgedAt,
  };
}

function toVerdict(row: VerdictRow): VerdictDetail {
  return {
    view: row.view as View,
    viewSource: row.viewSource as VerdictDetail['viewSource'],
    qualified: row.qualified,
    notAssessable: row.notAssessable,
    reason: row.reason,
    confidence: row.confidence,
    pixelSpacingMm: [row.pixelSpacingRowMm, row.pixelSpacingColMm],
    pixelSpacingSource: row.pixelSpacingSource,
    modelVersion: row.modelVersion.name,
    rulesVersion: row.rulesVersion.version,
    criteria: row.criteria.map(toCriterion),
    vertebrae: row.vertebrae as unknown as Vertebra[],
    timingsMs: row.timingsMs as Record<string, number>,
    worker: row.worker,
    attempts: row.attempts,
    judgedAt: row.judgedAt,
  };
}

function toCriterion(row: CriterionRow): CriterionOutcome {
  return {
    id: row.criterionId,
    label: row.label,
    passed: row.passed,
    value: row.value,
    range: [row.rangeLow ?? -Infinity, row.rangeHigh ?? Infinity],
    unit: row.unit,
    message: row.message,
    ...(row.correction === null ? {} : { correction: row.correction }),
  };
}

export function toIngestFailure(row: Prisma.IngestFailureGetPayload<object>): IngestFailureRecord {
  return {
    id: row.id,
    source: fromDbSource(row.source),
    errorCode: row.errorCode,
    message: row.message,
    sopInstanceUid: row.sopInstanceUid,
    callingAeTitle: row.callingAeTitle,
    remoteAddress: row.remoteAddress,
    storageKey: row.storageKey,
    sizeBytes: row.sizeBytes,
    examId: row.examId,
    createdAt: row.createdAt,
    purgedAt: row.purgedAt,
  };
}
