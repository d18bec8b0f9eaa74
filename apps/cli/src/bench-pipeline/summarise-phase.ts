import { judgeRecords } from './judge-records.js';
import { latencyStats, median } from './latency-stats.js';
import type { PhaseResult } from './phase-result.js';
import { latencyMs, type Sample } from './sample.js';
import { serviceTimes } from './service-time.js';
import { stageTimes, type StageTimes } from './stages.js';

/** Turns a phase's samples into its figures (reads the stored verdicts for the stage breakdown). */
export async function summarisePhase(
  system: { baseUrl: string; token: string },
  head: Pick<PhaseResult, 'mode' | 'workers' | 'send' | 'throughput' | 'cpuMsPerImage'>,
  samples: Sample[],
): Promise<PhaseResult> {
  const records = await judgeRecords(
    system.baseUrl,
    system.token,
    samples.map((s) => s.seen.verdict.examId),
  );
  const perWorker: Record<string, number> = {};
  const stages: StageTimes[] = [];
  const parts: Record<string, number[]> = {};
  const judged: { worker: string; judgedAt: number }[] = [];
  records.forEach((record, i) => {
    if (!record) return;
    judged.push({ worker: record.worker, judgedAt: Date.parse(samples[i].seen.verdict.judgedAt) });
    perWorker[record.worker] = (perWorker[record.worker] ?? 0) + 1;
    stages.push(stageTimes(samples[i], record));
    for (const [part, ms] of Object.entries(record.timingsMs)) (parts[part] ??= []).push(ms);
  });
  return {
    ...head,
    latency: latencyStats(samples.map(latencyMs))!,
    stages: stages.length ? medianStages(stages) : null,
    judgeParts: stages.length
      ? Object.fromEntries(Object.entries(parts).map(([part, ms]) => [part, median(ms)!]))
      : null,
    perWorker,
    serviceMs: head.send.kind === 'burst' ? serviceTimes(judged) : null,
    failed: records.filter((r) => r === null).length,
  };
}

function medianStages(all: StageTimes[]): StageTimes {
  const m = (stage: keyof StageTimes) => median(all.map((t) => t[stage]))!;
  return {
    transfer: m('transfer'),
    ingest: m('ingest'),
    queue: m('queue'),
    judge: m('judge'),
    deliver: m('deliver'),
  };
}
