// Webhook event types as the admin page names them.
import type { WebhookEventType } from './types';

export const EVENT_LABELS: Record<WebhookEventType, { label: string; description: string }> = {
  'exam.judged': { label: 'Exam judged', description: 'every verdict, qualified or not' },
  'alert.raised': { label: 'Alert raised', description: 'an alert rule found a repeated problem' },
};

/** A known event's label; an unknown one (a newer server) keeps its id. */
export function eventLabel(type: string): string {
  return type in EVENT_LABELS ? EVENT_LABELS[type as WebhookEventType].label : type;
}
