// The webhook admin routes. api-client has GET and POST only; PATCH and DELETE go through `send` here.
import { getJson, postJson, readApiError } from '@/lib/api-client';
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

async function send(method: 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Response> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await readApiError(response);
  return response;
}

export const listSubscriptions = (init?: RequestInit) =>
  getJson<{ items: SubscriptionDto[] }>(SUBSCRIPTIONS, undefined, init);

export const createSubscription = (input: SubscriptionInput) =>
  postJson<SubscriptionWithSecretDto>(SUBSCRIPTIONS, input);

export async function updateSubscription(
  id: string,
  patch: Partial<SubscriptionInput>,
): Promise<SubscriptionDto> {
  return (await (await send('PATCH', one(SUBSCRIPTIONS, id), patch)).json()) as SubscriptionDto;
}

export async function deleteSubscription(id: string): Promise<void> {
  await send('DELETE', one(SUBSCRIPTIONS, id));
}

export const rotateSecret = (id: string) =>
  postJson<SubscriptionWithSecretDto>(`${one(SUBSCRIPTIONS, id)}/rotate-secret`, {});

export const listDeliveries = (query: DeliveriesQuery, init?: RequestInit) =>
  getJson<DeliveryPageDto>(DELIVERIES, { ...query }, init);

/** 202 with the requeued delivery; 409 (DELIVERY_PENDING) while it is still pending. */
export const redeliver = (id: string) => postJson<DeliveryDto>(`${one(DELIVERIES, id)}/redeliver`, {});
