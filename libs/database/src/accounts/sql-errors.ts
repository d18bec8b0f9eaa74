import { Prisma } from '../generated/prisma/client.js';

const UNIQUE_VIOLATION = { prisma: 'P2002', sqlState: '23505' };
const FOREIGN_KEY_VIOLATION = { prisma: 'P2003', sqlState: '23503' };

export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, UNIQUE_VIOLATION);
}

export function isForeignKeyViolation(error: unknown): boolean {
  return hasCode(error, FOREIGN_KEY_VIOLATION);
}

/** P2025: the record to update does not exist (raised by Prisma itself, so the same on every driver). */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}

function hasCode(error: unknown, code: { prisma: string; sqlState: string }): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === code.prisma;
  // pglite-prisma-adapter bundles an older @prisma/driver-adapter-utils whose DriverAdapterError class Prisma 6.19
  // does not recognise, so its errors arrive unmapped; they carry PostgreSQL's SQLSTATE in `cause`.
  const cause =
    error instanceof Error ? (error.cause as { kind?: unknown; code?: unknown } | undefined) : undefined;
  return cause?.kind === 'postgres' && cause.code === code.sqlState;
}
