import type { Sample } from './sample.js';

/** Where one film's time went, in ms (server clocks are the same machine's, to the millisecond). */
export interface StageTimes {
  /** C-STORE start → ingest begins at the SCP: association and data set transfer. */
  transfer: number;
  /** Ingest → C-STORE response at the sender: original stored, exam recorded, event published. */
  ingest: number;
  /** C-STORE response → the worker starts decoding: bus delivery, waiting behind other images, reading the original. */
  queue: number;
  /** The worker's own timings: decode, segmentation, rules (and display renders, where it makes them before the verdict). */
  judge: number;
  /** Verdict made → event at the tablet: verdict published, consumed, persisted, pushed. */
  deliver: number;
}

export const STAGES = [
  'transfer',
  'ingest',
  'queue',
  'judge',
  'deliver',
] as const satisfies readonly (keyof StageTimes)[];

/** What the API's exam detail says about the judging (GET /api/exams/:id → verdict). */
export interface JudgeRecord {
  worker: string;
  timingsMs: Record<string, number>;
}

export function stageTimes(sample: Sample, judged: JudgeRecord): StageTimes {
  const { verdict, arrivedAt } = sample.seen;
  const receivedAt = Date.parse(verdict.receivedAt);
  const judgedAt = Date.parse(verdict.judgedAt);
  const judge = (judged.timingsMs['total'] ?? 0) + (judged.timingsMs['render'] ?? 0);
  return {
    transfer: receivedAt - sample.receipt.startedAt,
    ingest: sample.receipt.completedAt - receivedAt,
    queue: judgedAt - judge - sample.receipt.completedAt,
    judge,
    deliver: arrivedAt - judgedAt,
  };
}
