import type { VerdictMessage } from '@spineqc/contracts';
import { periodCounts } from '../alerts/period-counts.js';
import { recentForAlerts } from '../alerts/recent-exams.js';
import type {
  AlertHistoryExam,
  AlertHistoryQuery,
  AlertPeriodCounts,
  AlertSubjectFilter,
} from '../alerts/types.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { toDbSource } from './db-enums.js';
import { listExams } from './list-exams.js';
import {
  imagesToPurge,
  markImagesPurged,
  markRejectedPurged,
  rejectedToPurge,
  type ImageToPurge,
  type RejectedToPurge,
} from './retention.js';
import { pageSize } from './limits.js';
import { detailInclude, pendingInclude, toDetail, toIngestFailure, toPending } from './mappers.js';
import { recordReceived } from './record-received.js';
import { recordVerdict } from './record-verdict.js';
import { stats } from './stats.js';
import type {
  ExamDetail,
  ExamPage,
  ExamSummary,
  IngestFailureInput,
  IngestFailureRecord,
  ListExamsQuery,
  PendingExam,
  RecordReceivedInput,
  StatsQuery,
  StatsRow,
} from './types.js';
import { isUuid } from './uuid.js';

export interface ExamRepository {
  /** Idempotent on SOPInstanceUID, also under concurrent calls: exactly one caller gets `created: true`. */
  recordReceived(input: RecordReceivedInput): Promise<{ exam: ExamSummary; created: boolean }>;
  /** One transaction; a replayed message changes nothing (`applied: false`). Throws EXAM_NOT_FOUND / EXAM_MISMATCH. */
  recordVerdict(message: VerdictMessage): Promise<{ applied: boolean; exam: ExamDetail }>;
  recordIngestFailure(input: IngestFailureInput): Promise<{ id: string }>;
  listExams(query: ListExamsQuery): Promise<ExamPage>;
  getExam(id: string): Promise<ExamDetail | null>;
  /** The exam's DR room ('' when the sender named none); null for an unknown exam. One indexed lookup. */
  stationOf(id: string): Promise<string | null>;
  getExamBySop(sopInstanceUid: string): Promise<ExamDetail | null>;
  stats(query: StatsQuery): Promise<StatsRow[]>;
  /** Exams still waiting for a verdict that arrived before `olderThan`, oldest first (to publish again after a crash). */
  pendingExams(olderThan: Date, limit: number): Promise<PendingExam[]>;
  /** Newest first; default 50, at most 500. */
  ingestFailures(query?: { limit?: number }): Promise<IngestFailureRecord[]>;
  /** Judged exams as the alert rules read them, newest first; BAD_QUERY for a limit outside 1…5000. */
  recentForAlerts(query: AlertHistoryQuery): Promise<AlertHistoryExam[]>;
  /**
   * The unqualified-rate rule's counts for one room or technologist: judged exams received strictly after
   * `since`, in one aggregate statement. BAD_QUERY unless exactly one non-blank subject and a valid date.
   */
  periodCounts(subject: AlertSubjectFilter, since: Date): Promise<AlertPeriodCounts>;
  /** Originals retention may delete: received before the date, judged or failed, still stored; oldest first. */
  imagesToPurge(query: { receivedBefore: Date; limit: number }): Promise<ImageToPurge[]>;
  /** Records that these exams' originals were deleted; returns how many were not marked before. */
  markImagesPurged(examIds: string[], now: Date): Promise<number>;
  /** Kept bytes of inputs refused before the date that retention may delete, oldest first. */
  rejectedToPurge(query: { createdBefore: Date; limit: number }): Promise<RejectedToPurge[]>;
  /** Records that these failures' bytes were deleted; returns how many were not marked before. */
  markRejectedPurged(failureIds: string[], now: Date): Promise<number>;
}

export function createExamRepository(prisma: PrismaClient): ExamRepository {
  return {
    recordReceived: (input) => recordReceived(prisma, input),
    recordVerdict: (message) => recordVerdict(prisma, message),
    async recordIngestFailure(input) {
      const row = await prisma.ingestFailure.create({
        data: {
          source: toDbSource(input.source),
          errorCode: input.errorCode,
          message: input.message,
          sopInstanceUid: input.sopInstanceUid ?? null,
          callingAeTitle: input.callingAeTitle ?? null,
          remoteAddress: input.remoteAddress ?? null,
          storageKey: input.storageKey ?? null,
          sizeBytes: input.sizeBytes,
          examId: input.examId ?? null,
          ...(input.createdAt !== undefined && { createdAt: input.createdAt }),
        },
        select: { id: true },
      });
      return { id: row.id };
    },
    listExams: (query) => listExams(prisma, query),
    imagesToPurge: (query) => imagesToPurge(prisma, query),
    markImagesPurged: (examIds, now) => markImagesPurged(prisma, examIds, now),
    rejectedToPurge: (query) => rejectedToPurge(prisma, query),
    markRejectedPurged: (failureIds, now) => markRejectedPurged(prisma, failureIds, now),
    async getExam(id) {
      if (!isUuid(id)) return null;
      const row = await prisma.exam.findUnique({ where: { id }, include: detailInclude });
      return row ? toDetail(row) : null;
    },
    async stationOf(id) {
      if (!isUuid(id)) return null;
      const row = await prisma.exam.findUnique({
        where: { id },
        select: { station: { select: { name: true } } },
      });
      return row ? (row.station?.name ?? '') : null;
    },
    async getExamBySop(sopInstanceUid) {
      const row = await prisma.exam.findUnique({ where: { sopInstanceUid }, include: detailInclude });
      return row ? toDetail(row) : null;
    },
    stats: (query) => stats(prisma, query),
    async pendingExams(olderThan, limit) {
      const rows = await prisma.exam.findMany({
        where: { status: 'received', receivedAt: { lt: olderThan } },
        orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
        take: pageSize(limit),
        include: pendingInclude,
      });
      return rows.map(toPending);
    },
    async ingestFailures(query = {}) {
      const rows = await prisma.ingestFailure.findMany({
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: pageSize(query.limit),
      });
      return rows.map(toIngestFailure);
    },
    recentForAlerts: (query) => recentForAlerts(prisma, query),
    periodCounts: (subject, since) => periodCounts(prisma, subject, since),
  };
}
