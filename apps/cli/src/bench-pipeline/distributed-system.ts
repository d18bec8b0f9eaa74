import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSUMER_GROUPS, TOPICS } from '@spineqc/contracts';
import { REPO_ROOT } from '../model/repo-paths.js';
import { BenchPipelineError } from './bench-pipeline-error.js';
import { benchToken } from './bench-token.js';
import { childEnv } from './child-env.js';
import { spawnServer, type ServerProcess } from './child-process.js';
import type { Cleanup } from './cleanup.js';
import { groupSettled, latestJoin } from './group-assignment.js';
import {
  CALLED_AE_TITLE,
  START_TIMEOUT_MS,
  type PipelineSystem,
  type SystemOptions,
} from './pipeline-system.js';
import { createFreshDatabase, requireKafka, requirePostgres } from './services.js';

export interface DistributedOptions extends SystemOptions {
  kafkaBrokers: string[];
  postgresAdminUrl: string;
}

const PARTITIONS = 6;
const SETTLE_POLL_MS = 200;
const API_MAIN = join(REPO_ROOT, 'apps/api/dist/main.js');
const WORKER_MAIN = join(REPO_ROOT, 'apps/inference/dist/main.js');

/** Fails early, saying what is missing: the built apps, the Kafka broker, PostgreSQL. */
export async function checkDistributedPrerequisites(options: DistributedOptions): Promise<void> {
  for (const main of [API_MAIN, WORKER_MAIN])
    if (!existsSync(main))
      throw new BenchPipelineError('NOT_BUILT', `${main} is missing: run \`npm run build\` first`);
  await requireKafka(options.kafkaBrokers);
  await requirePostgres(options.postgresAdminUrl);
}

/**
 * apps/api and apps/inference workers as separate processes on a fresh PostgreSQL database and a
 * fresh Kafka namespace (topics and consumer groups of their own), with local shared storage.
 */
export async function startDistributed(
  cleanup: Cleanup,
  options: DistributedOptions,
): Promise<PipelineSystem> {
  await checkDistributedPrerequisites(options);
  const database = await createFreshDatabase(options.postgresAdminUrl);
  cleanup.add('drop the benchmark database', () => database.drop());
  const storageDir = await mkdtemp(join(tmpdir(), 'spineqc-bench-distributed-'));
  cleanup.add('remove the shared storage folder', () => rm(storageDir, { recursive: true, force: true }));
  const namespace = `bench-${randomBytes(4).toString('hex')}`;
  const settings = {
    SPINEQC_MODE: 'distributed',
    SPINEQC_KAFKA_BROKERS: options.kafkaBrokers.join(','),
    SPINEQC_BUS_NAMESPACE: namespace,
    SPINEQC_BUS_PARTITIONS: String(PARTITIONS),
    SPINEQC_DATABASE_URL: database.url,
    SPINEQC_PATIENT_ID_KEY: randomBytes(24).toString('hex'),
    SPINEQC_STORAGE_DIR: storageDir,
    SPINEQC_HTTP_PORT: '0',
    SPINEQC_DICOM_PORT: '0',
    SPINEQC_WORKER_HTTP_PORT: '0',
    SPINEQC_INFERENCE_THREADS: options.threads?.toString(),
  };
  const token = await benchToken({ url: database.url });
  options.say(`distributed: starting apps/api (bus namespace ${namespace})`);
  const api = spawnServer('apps/api', process.execPath, [API_MAIN], {
    cwd: REPO_ROOT,
    env: childEnv(settings),
  });
  cleanup.add('stop apps/api', () => api.stop());
  const [, httpPort] = await api.waitFor(/"httpPort":(\d+)/, START_TIMEOUT_MS);
  const [, dicomPort] = await api.waitFor(/"dicomPort":(\d+)/, START_TIMEOUT_MS);

  const workers: { process: ServerProcess; stop: () => Promise<void> }[] = [];
  const group = `${namespace}.${CONSUMER_GROUPS.inference}`;
  const topic = `${namespace}.${TOPICS.imageReceived}`;
  const startWorker = async () => {
    const name = `apps/inference #${workers.length + 1}`;
    // Debug level: the consumer-group joins, which tell when the partitions are shared out, are logged there.
    const env = childEnv({ ...settings, SPINEQC_LOG_LEVEL: 'debug' });
    const worker = spawnServer(name, process.execPath, [WORKER_MAIN], { cwd: REPO_ROOT, env });
    workers.push({ process: worker, stop: cleanup.add(`stop ${name}`, () => worker.stop()) });
    await worker.waitFor(/inference worker ready/, START_TIMEOUT_MS);
  };
  const settled = async (deadline: number) => {
    while (
      !groupSettled(
        workers.map((w) => latestJoin(w.process.tail(1 << 20), group, topic)),
        PARTITIONS,
      )
    ) {
      if (Date.now() > deadline)
        throw new BenchPipelineError(
          'START_TIMEOUT',
          `the ${workers.length} inference workers did not share the partitions within ${START_TIMEOUT_MS} ms`,
        );
      await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
    }
  };

  return {
    mode: 'distributed',
    baseUrl: `http://localhost:${httpPort}`,
    token,
    dicomHost: '127.0.0.1',
    dicomPort: Number(dicomPort),
    calledAeTitle: CALLED_AE_TITLE,
    processes: () =>
      [api, ...workers.map((w) => w.process)].flatMap((p) =>
        p.child.pid ? [{ name: p.name, pid: p.child.pid }] : [],
      ),
    async useWorkers(count) {
      options.say(`distributed: ${count} inference worker(s)`);
      while (workers.length > count) await workers.pop()!.stop();
      while (workers.length < count) await startWorker();
      await settled(Date.now() + START_TIMEOUT_MS);
    },
  };
}
