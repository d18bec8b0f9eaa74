/** Bus topics. Messages on both are keyed by station so one DR room's images stay in order. */
export const TOPICS = {
  imageReceived: 'qc.image.received',
  verdict: 'qc.verdict',
  /** Images that could not be judged after bounded retries, with the reason. */
  deadLetter: 'qc.image.dead-letter',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** Consumer groups: every worker of a kind shares one, so each message is handled once. */
export const CONSUMER_GROUPS = {
  inference: 'spineqc-inference',
  verdictSink: 'spineqc-api-verdicts',
} as const;

/**
 * Where an exam's derived files live: the segmentation a worker keeps (small, written with every
 * verdict) and the display renders the API draws from it on first request, then caches.
 */
export function renderKeys(examId: string) {
  return {
    masks: `renders/${examId}/masks.png`,
    image: `renders/${examId}/image.png`,
    overlay: `renders/${examId}/overlay.png`,
  };
}

/** A message body as JSON when it parses, else its text (dead letters keep what arrived). */
export function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
