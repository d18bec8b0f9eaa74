import { AUDIT_ACTIONS, type AuditAction } from '@spineqc/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import { bad } from './text-input.js';
import type { RecordAuditInput } from './types.js';

const MAX_ACTOR_LENGTH = 128;
const MAX_TARGET_LENGTH = 256;
const MAX_REMOTE_ADDRESS_LENGTH = 64;
const ELLIPSIS = '…';

export interface CheckedAuditEvent {
  action: AuditAction;
  actor: string;
  target: string | null;
  detail: Prisma.InputJsonObject;
  remoteAddress: string | null;
  at?: Date;
}

/**
 * The row to store. An audit entry is written after the fact, often about hostile input (a failed login with a
 * name someone made up), so over-long text is cut and what PostgreSQL cannot store replaced rather than refused; only the caller's own
 * mistakes (an unknown action, no actor, a detail that is not an object) are BAD_QUERY.
 */
export function checkAuditEvent(input: RecordAuditInput): CheckedAuditEvent {
  checkAction(input.action);
  const actor = typeof input.actor === 'string' ? cut(input.actor.trim(), MAX_ACTOR_LENGTH) : '';
  if (actor === '') throw bad('actor must not be empty');
  if (input.at !== undefined && Number.isNaN(input.at.getTime())) throw bad('at must be a valid date');
  return {
    action: input.action,
    actor,
    target: optional(input.target, MAX_TARGET_LENGTH),
    detail: checkDetail(input.detail ?? {}),
    remoteAddress: optional(input.remoteAddress, MAX_REMOTE_ADDRESS_LENGTH),
    ...(input.at !== undefined && { at: input.at }),
  };
}

export function checkAction(action: AuditAction): AuditAction {
  if (!AUDIT_ACTIONS.includes(action)) throw bad(`action must be one of ${AUDIT_ACTIONS.join(', ')}`);
  return action;
}

function optional(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  return cut(value.trim(), max) || null;
}

/** At most `max` code points (PostgreSQL's varchar counts those), marked with an ellipsis when cut. */
function cut(value: string, max: number): string {
  const chars = Array.from(storable(value));
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + ELLIPSIS;
}

/** A JSON object jsonb accepts (it refuses \u0000 and unpaired surrogates anywhere, keys included). */
function checkDetail(detail: Record<string, unknown>): Prisma.InputJsonObject {
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
    throw bad('detail must be a JSON object');
  }
  // The JSON round trip drops what JSON cannot carry (undefined, functions) and turns dates into ISO strings.
  return storableJson(JSON.parse(JSON.stringify(detail)) as unknown) as Prisma.InputJsonObject;
}

function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storable(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [storable(key), storableJson(item)]),
    );
  }
  return value;
}

// A lone UTF-16 surrogate becomes an escape in JSON that jsonb refuses, as it refuses \u0000.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with what PostgreSQL cannot store (NUL, unpaired surrogates) replaced by U+FFFD. */
function storable(text: string): string {
  return text.replace(UNSTORABLE, '\ufffd');
}
