import { startCpuMeter } from './cpu-time.js';
import type { FilmSet } from './films.js';
import { connectTablet } from './live-tablet.js';
import type { PhaseResult } from './phase-result.js';
import type { PipelineSystem } from './pipeline-system.js';
import { sendAtRate, sendBurst } from './send-films.js';
import { StoreSender } from './store-sender.js';
import { summarisePhase } from './summarise-phase.js';

export interface RunPlan {
  /** Images per second for the open-loop latency phases. */
  rates: number[];
  /** Films per rate. */
  count: number;
  /** Films in the throughput burst; 0 for none. */
  burst: number;
  /** Inference worker counts, in the order to measure them. */
  workers: number[];
  /** Films sent (and not counted) after each change of workers: loads the model, warms the JIT. */
  warmUp: number;
}

/** Measures one running system: for each worker count, latency at each rate, then a burst. */
export async function runSystem(
  system: PipelineSystem,
  films: FilmSet,
  plan: RunPlan,
  say: (line: string) => void,
): Promise<PhaseResult[]> {
  const results: PhaseResult[] = [];
  const tablet = await connectTablet(system.baseUrl, system.token);
  const sender = new StoreSender({
    host: system.dicomHost,
    port: system.dicomPort,
    calledAeTitle: system.calledAeTitle,
  });
  try {
    for (const workers of plan.workers) {
      await system.useWorkers(workers);
      say(`${system.mode}, ${workers} worker(s): warm-up with ${plan.warmUp} films`);
      await sendBurst(films.take(plan.warmUp), sender, tablet);
      const head = { mode: system.mode, workers, throughput: null };
      for (const perSecond of plan.rates) {
        say(`${system.mode}, ${workers} worker(s): ${plan.count} films at ${perSecond}/s`);
        const batch = films.take(plan.count);
        const cpu = startCpuMeter(system.processes());
        const samples = await sendAtRate(batch, perSecond, sender, tablet);
        const cpuMsPerImage = cpu.perImage(samples.length);
        const send = { kind: 'rate', perSecond } as const;
        results.push(await summarisePhase(system, { ...head, send, cpuMsPerImage }, samples));
      }
      if (plan.burst > 0) {
        say(`${system.mode}, ${workers} worker(s): burst of ${plan.burst} films`);
        const batch = films.take(plan.burst);
        const cpu = startCpuMeter(system.processes());
        const { samples, seconds } = await sendBurst(batch, sender, tablet);
        const cpuMsPerImage = cpu.perImage(samples.length);
        const throughput = { imagesPerSecond: samples.length / seconds, seconds };
        const send = { kind: 'burst' } as const;
        results.push(await summarisePhase(system, { ...head, send, throughput, cpuMsPerImage }, samples));
      }
    }
  } finally {
    tablet.close();
    await sender.close();
  }
  return results;
}
