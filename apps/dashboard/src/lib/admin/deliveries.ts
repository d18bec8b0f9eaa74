// The deliveries table: its query, and how a delivery's state and attempts read.
import type { DeliveryAttemptDto, DeliveryDto, DeliveryStatus } from './types';

export interface DeliveriesQuery {
  subscriptionId?: string;
  status?: DeliveryStatus;
  limit: number;
  cursor?: string;
}

/** '' = any status / any subscription. */
export function deliveriesQuery(
  filter: { status: DeliveryStatus | ''; subscriptionId: string },
  limit: number,
  cursor?: string,
): DeliveriesQuery {
  return {
    status: filter.status || undefined,
    subscriptionId: filter.subscriptionId || undefined,
    limit,
    cursor,
  };
}

export const DELIVERY_STATUS_WORDS: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  dead: 'Dead-lettered',
};

/** Only a finished delivery can be sent again: a pending one may be on the wire right now (the API says 409). */
export function canRedeliver(status: DeliveryStatus): boolean {
  return status === 'delivered' || status === 'dead';
}

/** "HTTP 204", "HTTP 500: Internal Server Error", "timeout after 10000 ms", or "—" before the first attempt. */
export function outcomeText(result: { status: number | null; error: string | null }): string {
  if (result.status !== null && result.error) return `HTTP ${result.status}: ${result.error}`;
  if (result.status !== null) return `HTTP ${result.status}`;
  return result.error ?? '—';
}

export function lastOutcome(delivery: Pick<DeliveryDto, 'lastStatus' | 'lastError'>): string {
  return outcomeText({ status: delivery.lastStatus, error: delivery.lastError });
}

/** The next try matters only while a delivery is pending; delivered and dead ones are not retried by themselves. */
export function nextAttemptIso(delivery: Pick<DeliveryDto, 'status' | 'nextAttemptAt'>): string | null {
  return delivery.status === 'pending' ? delivery.nextAttemptAt : null;
}

/** "3 attempts (5 in all)" when a redelivery restarted the count, else "3 attempts". */
export function attemptsText(delivery: Pick<DeliveryDto, 'attempts' | 'attemptLog'>): string {
  const words = (n: number) => `${n} ${n === 1 ? 'attempt' : 'attempts'}`;
  const all = delivery.attemptLog.length;
  return all > delivery.attempts ? `${words(delivery.attempts)} (${all} in all)` : words(delivery.attempts);
}

export function durationText(attempt: Pick<DeliveryAttemptDto, 'durationMs'>): string {
  const ms = attempt.durationMs;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
