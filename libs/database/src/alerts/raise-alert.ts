import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { writeOutboxRows } from '../webhooks/outbox-rows.js';
import { checkAlert } from './alert-input.js';
import { toAlert } from './mappers.js';
import type { RaiseAlertInput, RaisedAlert } from './types.js';

/**
 * Stores the alert and, in the same transaction, one `alert.raised` delivery per active subscription matching its
 * subject: the outbox pattern, so a crash can never leave an alert that nobody is told about, or a delivery
 * about an alert that was never stored.
 */
export async function raiseAlert(prisma: PrismaClient, input: RaiseAlertInput): Promise<RaisedAlert> {
  const alert = checkAlert(input.alert);
  return prisma.$transaction(async (tx) => {
    const row = await tx.alert.create({
      data: { ...alert, metrics: alert.metrics as Prisma.InputJsonObject, raisedAt: input.now },
    });
    const stored = toAlert(row);
    const deliveries = await writeOutboxRows(tx, {
      eventType: 'alert.raised',
      station: alert.subjectKind === 'station' ? alert.subject : null,
      technologist: alert.subjectKind === 'technologist' ? alert.subject : null,
      view: null,
      payload: input.payload ? input.payload(stored) : stored,
      now: input.now,
      alertId: stored.id,
    });
    return { alert: stored, deliveries };
  });
}
