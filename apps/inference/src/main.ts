// Distributed-mode inference worker: one member of the Kafka consumer group that judges images.
import { openBus } from '@spineqc/bus';
import { loadConfig } from '@spineqc/config';
import { createDecodePool } from '@spineqc/imaging';
import { startInferenceWorker, startProbeServer, workerDependencies } from '@spineqc/inference-worker';
import { createJsonLogger, runUntilSignalled } from '@spineqc/logging';
import { LocalFileStorage } from '@spineqc/storage';
import { environment } from './config/environment.js';

const config = loadConfig(environment());
const logger = createJsonLogger('inference', config.logLevel);
const storage = new LocalFileStorage(config.storage.root);
const bus = openBus(config.bus, logger);
await bus.connect();
const decodePool = createDecodePool({ size: 1 });
const deps = workerDependencies(config, { bus, storage, decode: (b) => decodePool.decode(b), logger });
const worker = await startInferenceWorker(deps);
const probe = await startProbeServer({
  host: config.inference.probeHost,
  port: config.inference.probePort,
  registry: deps.metrics.registry,
  checks: {
    bus: () => bus.health(),
    storage: () => storage.health(),
    model: async () => {
      const manifest = await deps.segmenter.manifest();
      return { ok: true, detail: `${manifest.name}@${manifest.version}` };
    },
  },
});
logger.info('inference worker ready', { worker: deps.workerName, probePort: probe.port });

await runUntilSignalled(logger, config.shutdownTimeoutMs, async () => {
  await worker.close(); // finishes the images in flight, commits, then leaves the group
  await probe.close();
  await bus.close();
  await decodePool.close();
});
