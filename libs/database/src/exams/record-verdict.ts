import type { FailedVerdict, JudgedVerdict, VerdictMessage } from '@spineqc/contracts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import { detailInclude, toDetail } from './mappers.js';
import { modelVersionId, rulesVersionId } from './named-rows.js';
import type { Db } from './prisma-types.js';
import type { ExamDetail, ExamStatus } from './types.js';
import { isUuid } from './uuid.js';

type Apply = (tx: Db, status: ExamStatus) => Promise<boolean>;

/**
 * Applies a `qc.verdict` message in one transaction, holding the exam's row lock so concurrent deliveries of the same
 * message serialise. A verdict applies once: a replay changes nothing. A judgement replaces an earlier failure (a retry
 * succeeded); a failure never replaces a judgement.
 */
export async function recordVerdict(
  prisma: PrismaClient,
  message: VerdictMessage,
): Promise<{ applied: boolean; exam: ExamDetail }> {
  if (!isUuid(message.examId)) throw notFound(message);
  const apply: Apply =
    message.status === 'judged'
      ? await prepareJudged(prisma, message)
      : (tx, status) => applyFailed(tx, message, status);
  return prisma.$transaction(async (tx) => {
    const [exam] = await tx.$queryRaw<{ status: ExamStatus; sop_instance_uid: string }[]>`
      SELECT status::text AS status, sop_instance_uid FROM exam WHERE id = ${message.examId}::uuid FOR UPDATE`;
    if (!exam) throw notFound(message);
    if (exam.sop_instance_uid !== message.sopInstanceUid) {
      throw new DatabaseError(
        'EXAM_MISMATCH',
        `verdict for exam ${message.examId} names SOP instance ${message.sopInstanceUid}, the exam has ${exam.sop_instance_uid}`,
      );
    }
    const applied = await apply(tx, exam.status);
    const row = await tx.exam.findUniqueOrThrow({ where: { id: message.examId }, include: detailInclude });
    return { applied, exam: toDetail(row) };
  });
}

function notFound(message: VerdictMessage): DatabaseError {
  return new DatabaseError(
    'EXAM_NOT_FOUND',
    `verdict for unknown exam ${message.examId} (SOP instance ${message.sopInstanceUid})`,
  );
}

/** Lookup rows are written before the transaction: a version name that exists is harmless if the verdict rolls back. */
async function prepareJudged(prisma: PrismaClient, message: JudgedVerdict): Promise<Apply> {
  const versions = {
    modelVersionId: await modelVersionId(prisma, message.modelVersion),
    rulesVersionId: await rulesVersionId(prisma, message.rulesVersion),
  };
  return (tx, status) => applyJudged(tx, message, status, versions);
}

async function applyJudged(
  tx: Db,
  message: JudgedVerdict,
  status: ExamStatus,
  versions: { modelVersionId: string; rulesVersionId: string },
): Promise<boolean> {
  if (status === 'judged') return false;
  const judgedAt = new Date(message.judgedAt);
  await tx.verdict.create({
    data: {
      examId: message.examId,
      view: message.view,
      viewSource: message.viewSource,
      qualified: message.qualified,
      notAssessable: message.notAssessable,
      reason: message.reason,
      confidence: message.confidence,
      pixelSpacingRowMm: message.pixelSpacingMm[0],
      pixelSpacingColMm: message.pixelSpacingMm[1],
      pixelSpacingSource: message.pixelSpacingSource,
      modelVersionId: versions.modelVersionId,
      rulesVersionId: versions.rulesVersionId,
      vertebrae: message.vertebrae as Prisma.InputJsonValue,
      timingsMs: message.timingsMs,
      worker: message.worker,
      attempts: message.attempts,
      judgedAt,
      criteria: {
        createMany: {
          data: message.criteria.map((criterion, position) => ({
            position,
            criterionId: criterion.id,
            label: criterion.label,
            passed: criterion.passed,
            value: finiteOrNull(criterion.value),
            rangeLow: finiteOrNull(criterion.range[0]),
            rangeHigh: finiteOrNull(criterion.range[1]),
            unit: criterion.unit,
            message: criterion.message,
            correction: criterion.correction ?? null,
          })),
        },
      },
    },
  });
  await tx.exam.update({
    where: { id: message.examId },
    data: { status: 'judged', judgedAt, failureCode: null, failureReason: null },
  });
  return true;
}

async function applyFailed(tx: Db, message: FailedVerdict, status: ExamStatus): Promise<boolean> {
  if (status !== 'received') return false;
  await tx.exam.update({
    where: { id: message.examId },
    data: {
      status: 'failed',
      judgedAt: new Date(message.judgedAt),
      failureCode: message.errorCode,
      failureReason: message.reason,
    },
  });
  return true;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
