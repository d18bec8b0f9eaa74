import { mkdir } from 'node:fs/promises';
import { startApi, type RunningApi } from '@spineqc/api-server';
import { InProcessBus } from '@spineqc/bus';
import type { SpineqcConfig } from '@spineqc/config';
import { openDatabase, type Database } from '@spineqc/database';
import { createDecodePool } from '@spineqc/imaging';
import { startInferenceWorker, workerDependencies } from '@spineqc/inference-worker';
import type { Logger } from '@spineqc/logging';
import { LocalFileStorage } from '@spineqc/storage';
import { patientIdKey } from './patient-key.js';

export interface EmbeddedServer {
  api: RunningApi;
  database: Database;
  close(): Promise<void>;
}

/**
 * The whole system in one process: API, DICOM SCP, inference, an in-process bus, PGlite and local
 * files under the data folder. Same modules as the distributed deployment, other adapters.
 */
export async function startEmbedded(config: SpineqcConfig, logger: Logger): Promise<EmbeddedServer> {
  await mkdir(config.dataDir, { recursive: true });
  const key = await patientIdKey(config.dataDir, config.privacy.patientIdKey);
  const withKey: SpineqcConfig = { ...config, privacy: { patientIdKey: key } };
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closeOne of closers.reverse()) await closeOne().catch((e: Error) => logger.warn(e.message));
  };
  try {
    const database = await openDatabase({ url: config.database.url, logger });
    closers.push(() => database.close());
    const storage = new LocalFileStorage(config.storage.root);
    const bus = new InProcessBus({ partitions: config.bus.partitions, logger });
    await bus.connect();
    closers.push(() => bus.close());
    const decodePool = createDecodePool({ size: 1 });
    closers.push(() => decodePool.close());
    const deps = workerDependencies(withKey, { bus, storage, decode: (b) => decodePool.decode(b), logger });
    const worker = await startInferenceWorker(deps);
    const modelProbe = {
      health: async () => {
        const manifest = await deps.segmenter.manifest();
        return { ok: true, detail: `${manifest.name}@${manifest.version}` };
      },
    };
    const api = await startApi({ config: withKey, database, storage, bus, decodePool, logger, modelProbe });
    // Stop intake first, then let the worker finish what it holds; unjudged exams are re-queued at next start.
    closers.push(() => worker.close());
    closers.push(() => api.close());
    return { api, database, close };
  } catch (error) {
    await close();
    throw error;
  }
}
