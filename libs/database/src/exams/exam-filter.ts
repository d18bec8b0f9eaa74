import type { Prisma } from '../generated/prisma/client.js';
import type { ExamFilter } from './types.js';

/** The filter as a Prisma condition; `stats` applies the same meaning in SQL. */
export function examWhere(filter: ExamFilter): Prisma.ExamWhereInput {
  const conditions: Prisma.ExamWhereInput[] = [];
  if (filter.station !== undefined) {
    conditions.push(
      filter.station === '' ? { stationId: null } : { station: { is: { name: filter.station } } },
    );
  }
  if (filter.technologist !== undefined) {
    conditions.push(
      filter.technologist === ''
        ? { technologistId: null }
        : { technologist: { is: { name: filter.technologist } } },
    );
  }
  if (filter.view !== undefined) {
    conditions.push({
      OR: [{ verdict: { is: { view: filter.view } } }, { verdict: { is: null }, requestedView: filter.view }],
    });
  }
  if (filter.qualified !== undefined) {
    conditions.push({ verdict: { is: { qualified: filter.qualified, notAssessable: false } } });
  }
  if (filter.notAssessable !== undefined) {
    conditions.push({ verdict: { is: { notAssessable: filter.notAssessable } } });
  }
  if (filter.criterion !== undefined) {
    conditions.push({
      verdict: { is: { criteria: { some: { criterionId: filter.criterion, passed: false } } } },
    });
  }
  if (filter.status !== undefined) conditions.push({ status: filter.status });
  if (filter.from !== undefined) conditions.push({ receivedAt: { gte: filter.from } });
  if (filter.to !== undefined) conditions.push({ receivedAt: { lt: filter.to } });
  return { AND: conditions };
}
