// The webhook admin routes.
import { getJson, patchJson, postJson, sendNoContent } from '@/lib/api-client';
import type { DeliveriesQuery } from './deliveries';
import type {
  DeliveryDto,
  DeliveryPageDto,
  SubscriptionDto,
  SubscriptionInput,
  SubscriptionWithSecretDto,
} from './types';

const SUBSCRIPTIONS = '/api/webhooks/subscriptions';
const DELIVERIES = '/api/webhooks/deliveries';
const one = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export const listSubscriptions = (init?: RequestInit) =>
  getJson<{ items: SubscriptionDto[] }>(SUBSCRIPTIONS, undefined, init);

export const createSubscription = (input: SubscriptionInput) =>
  postJson<SubscriptionWithSecretDto>(SUBSCRIPTIONS, input);

export const updateSubscription = (id: string, patch: Partial<SubscriptionInput>) =>
  patchJson<SubscriptionDto>(one(SUBSCRIPTIONS, id), patch);

export const deleteSubscription = (id: string) => sendNoContent('DELETE', one(SUBSCRIPTIONS, id));

export const rotateSecret = (id: string) =>
  postJson<SubscriptionWithSecretDto>(`${one(SUBSCRIPTIONS, id)}/rotate-secret`, {});

export const listDeliveries = (query: DeliveriesQuery, init?: RequestInit) =>
  getJson<DeliveryPageDto>(DELIVERIES, { ...query }, init);

/** 202 with the requeued delivery; 409 (DELIVERY_PENDING) while it is still pending. */
export const redeliver = (id: string) => postJson<DeliveryDto>(`${one(DELIVERIES, id)}/redeliver`, {});
