import { z } from 'zod';
import type { CriterionOutcome } from './verdict-message.js';
import type { IngestSource } from './primitives.js';
import { nameSchema } from './primitives.js';

/** Socket.IO namespace for the tablets beside the DR rooms. */
export const LIVE_NAMESPACE = '/live';

export const subscribeRequestSchema = z.object({ station: nameSchema.min(1) });
export type SubscribeRequest = z.infer<typeof subscribeRequestSchema>;

export type SubscribeAck = { ok: true; station: string } | { ok: false; error: string };

/** Sent the moment an image arrives, before it is judged, so the tablet can show "checking…". */
export interface LiveReceived {
  examId: string;
  sopInstanceUid: string;
  station: string;
  operator: string;
  source: IngestSource;
  receivedAt: string;
}

export interface LiveVerdict {
  examId: string;
  sopInstanceUid: string;
  station: string;
  operator: string;
  view: string | null;
  /** null when the image was not judged (not assessable or failed). */
  qualified: boolean | null;
  notAssessable: boolean;
  /** Why it is not assessable or failed. */
  reason: string | null;
  status: 'judged' | 'failed';
  criteria: CriterionOutcome[];
  receivedAt: string;
  judgedAt: string;
  modelVersion: string | null;
  rulesVersion: string | null;
}

export interface LiveServerToClientEvents {
  received: (event: LiveReceived) => void;
  verdict: (event: LiveVerdict) => void;
}

export interface LiveClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack?: (result: SubscribeAck) => void) => void;
  unsubscribe: (request: SubscribeRequest, ack?: (result: SubscribeAck) => void) => void;
}
