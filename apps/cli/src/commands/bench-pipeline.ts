import { cpus, loadavg } from 'node:os';
import { Command, Option } from 'commander';
import { parseNonNegativeInt, parsePositiveInt, UsageError } from '../errors.js';
import { BenchPipelineError } from '../bench-pipeline/bench-pipeline-error.js';
import { killStragglers } from '../bench-pipeline/child-process.js';
import { Cleanup } from '../bench-pipeline/cleanup.js';
import {
  checkDistributedPrerequisites,
  startDistributed,
  type DistributedOptions,
} from '../bench-pipeline/distributed-system.js';
import { startEmbedded } from '../bench-pipeline/embedded-system.js';
import { makeFilmSet } from '../bench-pipeline/films.js';
import { parsePositiveList } from '../bench-pipeline/list-flags.js';
import type { PhaseResult } from '../bench-pipeline/phase-result.js';
import type { PipelineMode } from '../bench-pipeline/pipeline-system.js';
import { reportJson, reportText, type RunContext } from '../bench-pipeline/report.js';
import { runSystem, type RunPlan } from '../bench-pipeline/run-system.js';

interface BenchPipelineFlags {
  mode: 'embedded' | 'distributed' | 'both';
  count: number;
  rates: number[];
  burst: number;
  workers: number[];
  kafka: string;
  postgres?: string;
  films: number;
  stations: number;
  threads?: number;
  seed: number;
  json?: boolean;
}

const PIXEL_SPACING_MM = 0.4;
const EXIT_INTERRUPTED = 130;

/**
 * Latency (C-STORE response → Socket.IO verdict) at fixed rates and burst throughput of the event
 * pipeline, embedded and distributed, against servers it starts and stops itself.
 */
export function benchPipelineCommand(): Command {
  return new Command('pipeline')
    .description(
      'Latency from C-STORE completion to the live verdict (p50/p95/max) at fixed rates, and burst throughput, ' +
        'embedded and/or distributed (Kafka + PostgreSQL must already run; see tools/kafka.sh, tools/postgres.sh)',
    )
    .addOption(
      new Option('--mode <mode>', 'which deployment to measure')
        .choices(['embedded', 'distributed', 'both'])
        .default('embedded'),
    )
    .option('--count <n>', 'films per rate', parsePositiveInt('--count'), 20)
    .addOption(
      new Option('--rates <list>', 'images per second, comma-separated')
        .argParser(parsePositiveList('--rates', { integer: false, max: 100 }))
        .default([1, 5], '1,5'),
    )
    .option('--burst <m>', 'films in the throughput burst (0: none)', parseNonNegativeInt('--burst'), 30)
    .addOption(
      new Option('--workers <list>', 'inference worker counts (distributed)')
        .argParser(parsePositiveList('--workers', { integer: true, max: 16 }))
        .default([1, 2], '1,2'),
    )
    .option('--kafka <brokers>', 'Kafka bootstrap brokers, comma-separated host:port', '127.0.0.1:9092')
    .option(
      '--postgres <url>',
      'PostgreSQL admin URL (a role with CREATEDB) for distributed mode; tools/postgres.sh prints one',
    )
    .option('--films <n>', 'distinct phantom films to cycle', parsePositiveInt('--films'), 12)
    .option(
      '--stations <n>',
      'DR stations the films come from (spreads the bus partitions)',
      parsePositiveInt('--stations'),
      8,
    )
    .option(
      '--threads <n>',
      'onnxruntime threads per inference worker (default: the deployment default)',
      parsePositiveInt('--threads'),
    )
    .option('--seed <n>', 'phantom seed', parseNonNegativeInt('--seed'), 4242)
    .option('--json', 'print the figures as JSON')
    .action(async (flags: BenchPipelineFlags) => {
      const modes: PipelineMode[] = flags.mode === 'both' ? ['embedded', 'distributed'] : [flags.mode];
      if (modes.includes('distributed') && !flags.postgres)
        throw new UsageError(
          'distributed mode needs --postgres <admin url> (tools/postgres.sh starts PostgreSQL and prints it)',
        );
      const loadAtStart = loadavg()[0];
      const results = await withCleanup((cleanup) => measure(modes, flags, cleanup));
      const context: RunContext = {
        films: flags.films,
        pixelSpacingMm: PIXEL_SPACING_MM,
        stations: flags.stations,
        cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`,
        node: process.version,
        threads: flags.threads ?? null,
        loadAverage: { start: loadAtStart, end: loadavg()[0] },
      };
      process.stdout.write(flags.json ? reportJson(context, results) : reportText(context, results));
    });
}

async function measure(
  modes: PipelineMode[],
  flags: BenchPipelineFlags,
  cleanup: Cleanup,
): Promise<PhaseResult[]> {
  const say = (line: string) => void process.stderr.write(`bench pipeline: ${line}\n`);
  // The embedded server uses the first two fields; the distributed deployment all of them.
  const options: DistributedOptions = {
    threads: flags.threads,
    say,
    kafkaBrokers: flags.kafka.split(',').map((b) => b.trim()),
    postgresAdminUrl: flags.postgres ?? '',
  };
  if (modes.includes('distributed')) await checkDistributedPrerequisites(options);
  say(`generating ${flags.films} phantom films`);
  const films = await makeFilmSet({ films: flags.films, stations: flags.stations, seed: flags.seed });
  const plan = (workers: number[]): RunPlan => ({
    rates: flags.rates,
    count: flags.count,
    burst: flags.burst,
    workers,
    warmUp: flags.stations,
  });
  const results: PhaseResult[] = [];
  for (const mode of modes) {
    const system =
      mode === 'embedded' ? await startEmbedded(cleanup, options) : await startDistributed(cleanup, options);
    results.push(...(await runSystem(system, films, plan(mode === 'embedded' ? [1] : flags.workers), say)));
    // Stop this deployment before measuring the next, so they do not share the CPU.
    await cleanup.runAll();
  }
  return results;
}

/** Runs `work`, undoing what it set up on every way out: return, error, Ctrl+C / SIGTERM. */
async function withCleanup<T>(work: (cleanup: Cleanup) => Promise<T>): Promise<T> {
  const cleanup = new Cleanup((label, error) =>
    process.stderr.write(`bench pipeline: could not ${label}: ${error.message}\n`),
  );
  const interrupted = (signal: NodeJS.Signals) => {
    process.stderr.write(`bench pipeline: ${signal}, stopping the servers\n`);
    void cleanup.runAll().finally(() => process.exit(EXIT_INTERRUPTED));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  process.once('exit', killStragglers);
  try {
    return await work(cleanup);
  } catch (error) {
    if (error instanceof BenchPipelineError && error.code === 'SERVICE_MISSING')
      throw new UsageError(error.message);
    throw error;
  } finally {
    await cleanup.runAll();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    process.off('exit', killStragglers);
  }
}
