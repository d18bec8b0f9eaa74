import { Prisma } from '../generated/prisma/client.js';
import { toDbSource } from './db-enums.js';
import { summaryInclude, toSummary } from './mappers.js';
import { stationId, technologistId } from './named-rows.js';
import type { Db } from './prisma-types.js';
import type { ExamSummary, RecordReceivedInput } from './types.js';

export async function findSummaryBySop(db: Db, sopInstanceUid: string): Promise<ExamSummary | null> {
  const row = await db.exam.findUnique({ where: { sopInstanceUid }, include: summaryInclude });
  return row ? toSummary(row) : null;
}

/**
 * Records the exam and its image once per SOPInstanceUID. A re-sent image finds the first record; two senders racing
 * with the same UID both try the insert, the unique index lets one win and the other reads the winner's exam.
 */
export async function recordReceived(
  db: Db,
  input: RecordReceivedInput,
): Promise<{ exam: ExamSummary; created: boolean }> {
  const existing = await findSummaryBySop(db, input.sopInstanceUid);
  if (existing) return { exam: existing, created: false };
  const station = await stationId(db, input.station);
  const technologist = await technologistId(db, input.operator);
  try {
    const row = await db.exam.create({
      data: {
        sopInstanceUid: input.sopInstanceUid,
        studyInstanceUid: input.studyInstanceUid ?? null,
        seriesInstanceUid: input.seriesInstanceUid ?? null,
        patientIdHash: input.patientIdHash ?? null,
        stationId: station,
        technologistId: technologist,
        source: toDbSource(input.source),
        requestedView: input.requestedView,
        requestedPixelSpacingMm: input.requestedPixelSpacingMm ?? null,
        receivedAt: input.receivedAt,
        image: {
          create: {
            storageKey: input.image.storageKey,
            format: input.image.format,
            sizeBytes: input.image.sizeBytes,
            sha256: input.image.sha256,
            sopClassUid: input.image.sopClassUid ?? null,
            transferSyntaxUid: input.image.transferSyntaxUid ?? null,
            width: input.image.width ?? null,
            height: input.image.height ?? null,
            viewPosition: input.image.viewPosition ?? null,
            bodyPartExamined: input.image.bodyPartExamined ?? null,
          },
        },
      },
      include: summaryInclude,
    });
    return { exam: toSummary(row), created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findSummaryBySop(db, input.sopInstanceUid);
    if (!winner) throw error;
    return { exam: winner, created: false };
  }
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2002';
  // pglite-prisma-adapter bundles an older @prisma/driver-adapter-utils whose DriverAdapterError class Prisma 6.19
  // does not recognise, so its errors arrive unmapped; they carry PostgreSQL's SQLSTATE in `cause`.
  const cause =
    error instanceof Error ? (error.cause as { kind?: unknown; code?: unknown } | undefined) : undefined;
  return cause?.kind === 'postgres' && cause.code === UNIQUE_VIOLATION;
}
