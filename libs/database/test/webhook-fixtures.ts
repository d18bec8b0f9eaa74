import { randomBytes } from 'node:crypto';
import type { CreateSubscriptionInput, Database } from '../src/index.js';
import { received } from './fixtures.js';

/** A Standard Webhooks secret, as @spineqc/webhooks generates them. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function subscription(overrides: Partial<CreateSubscriptionInput> = {}): CreateSubscriptionInput {
  return {
    url: 'https://receiver.example.org/hooks/spineqc',
    secret: newSecret(),
    eventTypes: ['exam.judged', 'alert.raised'],
    ...overrides,
  };
}

/** An exam to hang deliveries on (webhook_delivery.exam_id references it). */
export async function someExam(db: Database): Promise<string> {
  return (await db.exams.recordReceived(received())).exam.id;
}

export const T0 = new Date('2026-05-04T10:00:00.000Z');

export function at(msAfterT0: number): Date {
  return new Date(T0.getTime() + msAfterT0);
}
