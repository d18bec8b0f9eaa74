import type { PrismaClient } from '../generated/prisma/client.js';
import { isUuid } from '../exams/uuid.js';
import { listAlerts } from './list-alerts.js';
import { newestAlertsFirst, toAlert } from './mappers.js';
import { raiseAlert } from './raise-alert.js';
import type { AlertPage, AlertRecord, ListAlertsQuery, RaiseAlertInput, RaisedAlert } from './types.js';

/** Alerts raised by the alert rules; raising one also queues its webhooks. */
export interface AlertRepository {
  /** One transaction: the alert and its `alert.raised` deliveries, or neither. BAD_QUERY for a bad alert. */
  raise(input: RaiseAlertInput): Promise<RaisedAlert>;
  /** Alerts raised at or after `since`, newest first (the rules' cool-downs). */
  recent(query: { since: Date }): Promise<AlertRecord[]>;
  /** Newest first; BAD_CURSOR / BAD_QUERY for a bad cursor or limit. */
  list(query?: ListAlertsQuery): Promise<AlertPage>;
  /** null for an unknown id. */
  get(id: string): Promise<AlertRecord | null>;
}

export function createAlertRepository(prisma: PrismaClient): AlertRepository {
  return {
    raise: (input) => raiseAlert(prisma, input),
    async recent({ since }) {
      const rows = await prisma.alert.findMany({
        where: { raisedAt: { gte: since } },
        orderBy: newestAlertsFirst,
      });
      return rows.map(toAlert);
    },
    list: (query = {}) => listAlerts(prisma, query),
    async get(id) {
      if (!isUuid(id)) return null;
      const row = await prisma.alert.findUnique({ where: { id } });
      return row ? toAlert(row) : null;
    },
  };
}
