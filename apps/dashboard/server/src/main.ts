// The dashboard process: Next.js pages on SPINEQC_DASHBOARD_PORT, /api and /socket.io forwarded to the API.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@spineqc/config';
import { createJsonLogger, runUntilSignalled } from '@spineqc/logging';
import { environment } from './config/environment.js';
import { startDashboardServer } from './dashboard-server.js';

const config = loadConfig(environment());
const logger = createJsonLogger('dashboard', config.logLevel);
const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dashboard = await startDashboardServer({
  dir: appDir,
  host: config.dashboard.host,
  port: config.dashboard.port,
  apiUrl: config.dashboard.apiUrl,
  logger,
  dev: process.argv.includes('--dev'),
});
logger.info('dashboard listening', { port: dashboard.port, api: config.dashboard.apiUrl });
// `spineqc serve` runs this as a child process and learns the port (it may have asked for port 0) here.
process.send?.({ event: 'listening', port: dashboard.port });
await runUntilSignalled(logger, config.shutdownTimeoutMs, () => dashboard.close());
