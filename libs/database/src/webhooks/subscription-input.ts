import { isView } from '@spineqc/qc-standard';
import { DatabaseError } from '../errors.js';
import type { View } from '../exams/types.js';
import {
  WEBHOOK_EVENT_TYPES,
  type CreateSubscriptionInput,
  type UpdateSubscriptionInput,
  type WebhookEventType,
} from './types.js';

export const MAX_URL_LENGTH = 2048;
export const MAX_DESCRIPTION_LENGTH = 500;
const MAX_FILTER_LENGTH = 64;
// 'whsec_' and the base64 of at least 24 bytes: the Standard Webhooks libraries accept shorter, we do not.
const SECRET = /^whsec_[A-Za-z0-9+/]{32,180}={0,2}$/;

export interface CheckedSubscription {
  url: string;
  secret: string;
  eventTypes: WebhookEventType[];
  station: string | null;
  technologist: string | null;
  view: View | null;
  active: boolean;
  description: string;
}

/** The row to store, or BAD_QUERY naming the field at fault (the API checks first; this guards other callers). */
export function checkCreate(input: CreateSubscriptionInput): CheckedSubscription {
  return {
    url: checkUrl(input.url),
    secret: checkSecret(input.secret),
    eventTypes: checkEventTypes(input.eventTypes),
    station: checkFilter('station', input.station),
    technologist: checkFilter('technologist', input.technologist),
    view: checkView(input.view),
    active: input.active ?? true,
    description: checkDescription(input.description ?? ''),
  };
}

export function checkUpdate(input: UpdateSubscriptionInput): Partial<CheckedSubscription> {
  const data: Partial<CheckedSubscription> = {};
  if (input.url !== undefined) data.url = checkUrl(input.url);
  if (input.eventTypes !== undefined) data.eventTypes = checkEventTypes(input.eventTypes);
  if (input.station !== undefined) data.station = checkFilter('station', input.station);
  if (input.technologist !== undefined) data.technologist = checkFilter('technologist', input.technologist);
  if (input.view !== undefined) data.view = checkView(input.view);
  if (input.active !== undefined) data.active = input.active;
  if (input.description !== undefined) data.description = checkDescription(input.description);
  return data;
}

export function checkSecret(secret: string): string {
  if (!SECRET.test(secret)) throw bad('secret must be "whsec_" followed by the base64 of at least 24 bytes');
  return secret;
}

export function checkEventTypes(eventTypes: readonly string[]): WebhookEventType[] {
  const known = WEBHOOK_EVENT_TYPES as readonly string[];
  const unknown = eventTypes.filter((type) => !known.includes(type));
  if (unknown.length > 0 || eventTypes.length === 0) {
    throw bad(`eventTypes must name at least one of ${WEBHOOK_EVENT_TYPES.join(', ')}`);
  }
  // Stored in the canonical order, without repeats.
  return WEBHOOK_EVENT_TYPES.filter((type) => eventTypes.includes(type));
}

export function checkView(view: string | null | undefined): View | null {
  if (view === undefined || view === null) return null;
  if (!isView(view)) throw bad(`view "${view}" is not one of ap, lateral, oblique`);
  return view;
}

/** '' or blank clears the filter, like null. */
export function checkFilter(field: string, value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  if (trimmed.length > MAX_FILTER_LENGTH)
    throw bad(`${field} must be at most ${MAX_FILTER_LENGTH} characters`);
  return trimmed;
}

function checkUrl(url: string): string {
  if (url.length > MAX_URL_LENGTH) throw bad(`url must be at most ${MAX_URL_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw bad(`url "${url}" is not an absolute URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw bad('url must be http(s)');
  return url;
}

function checkDescription(description: string): string {
  const trimmed = description.trim();
  if (trimmed.length > MAX_DESCRIPTION_LENGTH) {
    throw bad(`description must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  return trimmed;
}

function bad(message: string): DatabaseError {
  return new DatabaseError('BAD_QUERY', `webhook subscription: ${message}`);
}
