import type { LatencyStats } from './latency-stats.js';
import type { PipelineMode } from './pipeline-system.js';
import type { StageTimes } from './stages.js';

/** The figures of one phase: films sent at a fixed rate (open loop), or a burst. */
export interface PhaseResult {
  mode: PipelineMode;
  workers: number;
  send: { kind: 'rate'; perSecond: number } | { kind: 'burst' };
  /** C-STORE response at the sender → verdict at the tablet, ms. */
  latency: LatencyStats;
  /** Bursts: films / (first send → last verdict). */
  throughput: { imagesPerSecond: number; seconds: number } | null;
  /** Median ms per stage over the judged films (see stages.ts). */
  stages: StageTimes | null;
  /** Median ms of each of the worker's own timings (decode, inference, …, render, total). */
  judgeParts: Record<string, number> | null;
  /** CPU ms per film used by each process during the phase (Linux /proc; Kafka and PostgreSQL not counted). */
  cpuMsPerImage: Record<string, number>;
  /** Films judged by each worker (its name: host:pid). */
  perWorker: Record<string, number>;
  /** Bursts: each worker's median ms between successive verdicts (see service-time.ts). */
  serviceMs: Record<string, number> | null;
  /** Films whose verdict was "failed" (could not be judged). */
  failed: number;
}
