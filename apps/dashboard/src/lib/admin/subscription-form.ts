// The create-subscription form: its draft, what is missing, and the request body it becomes.
import { VIEWS, type View } from '@spineqc/qc-standard';
import type { SubscriptionDto, SubscriptionInput, WebhookEventType } from './types';

export interface SubscriptionDraft {
  url: string;
  eventTypes: WebhookEventType[];
  /** '' = any. */
  station: string;
  technologist: string;
  view: View | '';
  description: string;
}

export const EMPTY_DRAFT: SubscriptionDraft = {
  url: '',
  eventTypes: ['alert.raised'],
  station: '',
  technologist: '',
  view: '',
  description: '',
};

export interface DraftProblems {
  url?: string;
  eventTypes?: string;
}

/**
 * What the form can tell before asking the API. Whether the URL is allowed (https, a public address or an
 * allowlisted host) only the API knows: its refusal is shown under the field too.
 */
export function draftProblems(draft: SubscriptionDraft): DraftProblems {
  const problems: DraftProblems = {};
  const url = draft.url.trim();
  if (url === '') problems.url = 'Enter the URL that will receive the webhooks.';
  else if (!/^https?:\/\//i.test(url))
    problems.url = 'The URL must start with https:// (or an allowlisted http://).';
  if (draft.eventTypes.length === 0) problems.eventTypes = 'Choose at least one event.';
  return problems;
}

export function hasProblems(problems: DraftProblems): boolean {
  return Object.values(problems).some(Boolean);
}

/** The POST body: trimmed, empty filters left out (no filter = any value). */
export function draftToInput(draft: SubscriptionDraft): SubscriptionInput {
  const input: SubscriptionInput = { url: draft.url.trim(), eventTypes: [...draft.eventTypes] };
  const station = draft.station.trim();
  const technologist = draft.technologist.trim();
  const description = draft.description.trim();
  if (station) input.station = station;
  if (technologist) input.technologist = technologist;
  if (draft.view !== '' && VIEWS.includes(draft.view)) input.view = draft.view;
  if (description) input.description = description;
  return input;
}

const VIEW_NAMES: Record<View, string> = { ap: 'AP', lateral: 'Lateral', oblique: 'Oblique' };

/** The filters a subscription narrows to, as one line: "Room DR-ROOM-1 · AP"; "Everything" when none. */
export function filtersSummary(
  subscription: Pick<SubscriptionDto, 'station' | 'technologist' | 'view'>,
): string {
  const parts: string[] = [];
  if (subscription.station) parts.push(`Room ${subscription.station}`);
  if (subscription.technologist) parts.push(`Technologist ${subscription.technologist}`);
  if (subscription.view) parts.push(VIEW_NAMES[subscription.view] ?? subscription.view);
  return parts.length > 0 ? parts.join(' · ') : 'Everything';
}
