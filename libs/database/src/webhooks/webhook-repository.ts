import type { PrismaClient } from '../generated/prisma/client.js';
import { claimDue } from './claim-due.js';
import { getDelivery, listDeliveries } from './list-deliveries.js';
import { toSubscription } from './mappers.js';
import { findMatching } from './matching.js';
import { writeOutboxRows } from './outbox-rows.js';
import { recordAttempt } from './record-attempt.js';
import { redeliver } from './redeliver.js';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  rotateSecret,
  updateSubscription,
} from './subscriptions.js';
import type {
  ClaimDueInput,
  ClaimedDelivery,
  CreateSubscriptionInput,
  DeliveryPage,
  EnqueueInput,
  ListDeliveriesQuery,
  RecordAttemptInput,
  UpdateSubscriptionInput,
  WebhookDelivery,
  WebhookEventScope,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from './types.js';

/** Webhook subscriptions and the delivery outbox. Input errors are BAD_QUERY naming the field. */
export interface WebhookRepository {
  /** Returns the subscription with its secret, the only time besides `rotateSecret`. */
  create(input: CreateSubscriptionInput): Promise<WebhookSubscriptionWithSecret>;
  /** Oldest first, secrets masked. */
  list(): Promise<WebhookSubscription[]>;
  /** Secret masked; null for an unknown id. */
  get(id: string): Promise<WebhookSubscription | null>;
  /** Throws SUBSCRIPTION_NOT_FOUND. */
  update(id: string, input: UpdateSubscriptionInput): Promise<WebhookSubscription>;
  /** With its deliveries and their attempts; throws SUBSCRIPTION_NOT_FOUND. */
  delete(id: string): Promise<void>;
  /** `secret`: a new whsec_ secret from the caller. Throws SUBSCRIPTION_NOT_FOUND. */
  rotateSecret(id: string, secret: string): Promise<WebhookSubscriptionWithSecret>;
  /** Active subscriptions that want this event (secrets masked), oldest first. */
  matchingSubscriptions(scope: WebhookEventScope): Promise<WebhookSubscription[]>;
  /** One pending delivery per matching subscription, written in one transaction; [] when none matches. */
  enqueue(input: EnqueueInput): Promise<WebhookDelivery[]>;
  /** Due deliveries, each claimed for `leaseMs` so no other worker gets it meanwhile; oldest first. */
  claimDue(input: ClaimDueInput): Promise<ClaimedDelivery[]>;
  /** Logs the attempt and applies its outcome in one transaction. Throws DELIVERY_NOT_FOUND. */
  recordAttempt(input: RecordAttemptInput): Promise<WebhookDelivery>;
  /** Newest first with their attempts; BAD_CURSOR / BAD_QUERY for a bad cursor, limit or status. */
  listDeliveries(query?: ListDeliveriesQuery): Promise<DeliveryPage>;
  /** With its attempts; null for an unknown id. */
  getDelivery(id: string): Promise<WebhookDelivery | null>;
  /** Throws DELIVERY_NOT_FOUND, or DELIVERY_PENDING for one still pending. */
  redeliver(deliveryId: string, now: Date): Promise<WebhookDelivery>;
}

export function createWebhookRepository(prisma: PrismaClient): WebhookRepository {
  return {
    create: (input) => createSubscription(prisma, input),
    list: () => listSubscriptions(prisma),
    get: (id) => getSubscription(prisma, id),
    update: (id, input) => updateSubscription(prisma, id, input),
    delete: (id) => deleteSubscription(prisma, id),
    rotateSecret: (id, secret) => rotateSecret(prisma, id, secret),
    async matchingSubscriptions(scope) {
      return (await findMatching(prisma, scope)).map(toSubscription);
    },
    enqueue: (input) =>
      prisma.$transaction((tx) => writeOutboxRows(tx, { ...input, now: input.now ?? new Date() })),
    claimDue: (input) => claimDue(prisma, input),
    recordAttempt: (input) => recordAttempt(prisma, input),
    listDeliveries: (query = {}) => listDeliveries(prisma, query),
    getDelivery: (id) => getDelivery(prisma, id),
    redeliver: (deliveryId, now) => redeliver(prisma, deliveryId, now),
  };
}
