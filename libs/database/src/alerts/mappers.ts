import type { Prisma } from '../generated/prisma/client.js';
import type { AlertMetrics, AlertRecord } from './types.js';

/** Newest first; ids break ties between alerts raised at the same instant. */
export const newestAlertsFirst = [
  { raisedAt: 'desc' },
  { id: 'desc' },
] satisfies Prisma.AlertOrderByWithRelationInput[];

export function toAlert(row: Prisma.AlertGetPayload<object>): AlertRecord {
  return {
    id: row.id,
    ruleKind: row.ruleKind,
    ruleVersion: row.ruleVersion,
    subjectKind: row.subjectKind,
    subject: row.subject,
    title: row.title,
    message: row.message,
    examIds: row.examIds,
    metrics: row.metrics as AlertMetrics,
    raisedAt: row.raisedAt,
  };
}
