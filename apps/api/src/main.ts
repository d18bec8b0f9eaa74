// Distributed-mode API process: Kafka, PostgreSQL and shared storage come from SPINEQC_* settings.
import { startApi } from '@spineqc/api-server';
import { openBus } from '@spineqc/bus';
import { loadConfig } from '@spineqc/config';
import { openDatabase } from '@spineqc/database';
import { createDecodePool } from '@spineqc/imaging';
import { createJsonLogger, runUntilSignalled } from '@spineqc/logging';
import { LocalFileStorage } from '@spineqc/storage';
import { environment } from './config/environment.js';

const config = loadConfig(environment());
const logger = createJsonLogger('api', config.logLevel);
const database = await openDatabase({ url: config.database.url, logger });
const storage = new LocalFileStorage(config.storage.root);
const bus = openBus(config.bus, logger);
await bus.connect();
const decodePool = createDecodePool({ size: 2 });
const api = await startApi({ config, database, storage, bus, decodePool, logger });
logger.info('API listening', { httpPort: api.httpPort, dicomPort: api.dicomPort, bus: bus.kind });

await runUntilSignalled(logger, config.shutdownTimeoutMs, async () => {
  await api.close();
  await bus.close();
  await decodePool.close();
  await database.close();
});
