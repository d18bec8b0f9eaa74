import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { DatabaseError } from '../errors.js';
import type { View } from '../exams/types.js';
import type { AlertHistoryExam, AlertHistoryQuery } from './types.js';

/** Enough for a busy room's 7 days, the longest look-back the alert rules take. */
export const MAX_ALERT_HISTORY = 5000;
const DEVIATION_INDEX_CRITERION = 'exposure';

const historySelect = {
  id: true,
  receivedAt: true,
  station: { select: { name: true } },
  technologist: { select: { name: true } },
  verdict: {
    select: {
      view: true,
      qualified: true,
      notAssessable: true,
      criteria: {
        where: { OR: [{ passed: false }, { criterionId: DEVIATION_INDEX_CRITERION }] },
        select: { criterionId: true, passed: true, value: true },
        orderBy: { position: 'asc' },
      },
    },
  },
} satisfies Prisma.ExamSelect;

/** Judged exams (failed and pending ones have no verdict to judge by), newest first. */
export async function recentForAlerts(
  prisma: PrismaClient,
  query: AlertHistoryQuery,
): Promise<AlertHistoryExam[]> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_ALERT_HISTORY) {
    throw new DatabaseError(
      'BAD_QUERY',
      `limit must be an integer in 1…${MAX_ALERT_HISTORY}, got ${query.limit}`,
    );
  }
  const rows = await prisma.exam.findMany({
    where: {
      status: 'judged',
      receivedAt: { gte: query.since },
      ...(query.station !== undefined && { station: { name: query.station.trim() } }),
      ...(query.technologist !== undefined && { technologist: { name: query.technologist.trim() } }),
    },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: query.limit,
    select: historySelect,
  });
  return rows.flatMap((row) => {
    const verdict = row.verdict;
    if (!verdict) return [];
    const assessable = !verdict.notAssessable;
    const exposure = verdict.criteria.find((c) => c.criterionId === DEVIATION_INDEX_CRITERION);
    return [
      {
        examId: row.id,
        station: row.station?.name ?? '',
        technologist: row.technologist?.name ?? '',
        view: verdict.view as View,
        receivedAt: row.receivedAt,
        assessable,
        qualified: assessable ? verdict.qualified : null,
        failedCriteria: verdict.criteria.filter((c) => c.passed === false).map((c) => c.criterionId),
        deviationIndex: exposure?.value ?? null,
      },
    ];
  });
}
