import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type EnvSettings } from '@spineqc/config';
import { createJsonLogger } from '@spineqc/logging';
import { environment } from '../config/environment.js';
import { parsePositiveInt, UsageError } from '../errors.js';
import { startDashboardProcess } from '../serve/dashboard-process.js';
import { startDemoPlayer } from '../serve/demo-player.js';
import { startEmbedded } from '../serve/start-embedded.js';
import { ensureFirstAdmin } from '../serve/first-admin.js';
import { provisionToken } from '@spineqc/api-server';

interface ServeFlags {
  dataDir?: string;
  httpPort?: string;
  dicomPort?: string;
  dashboardPort?: string;
  dashboard: boolean;
  demo?: boolean;
  demoInterval: number;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'the embedded all-in-one server: API, DICOM C-STORE SCP, STOW-RS, live verdicts and inference in one ' +
        'process, with an embedded database and local files (settings: SPINEQC_* environment variables)',
    )
    .option('--data-dir <dir>', 'where the database and original images are kept (SPINEQC_DATA_DIR)')
    .option('--http-port <port>', 'API, STOW-RS and Socket.IO port (SPINEQC_HTTP_PORT, default 8080)')
    .option('--dicom-port <port>', 'DICOM C-STORE SCP port (SPINEQC_DICOM_PORT, default 11112)')
    .option('--dashboard-port <port>', 'dashboard port (SPINEQC_DASHBOARD_PORT, default 3000)')
    .option('--no-dashboard', 'serve the API only, without the dashboard (SPINEQC_DASHBOARD_ENABLED=false)')
    .option('--demo', 'also play synthetic films from two simulated DR rooms')
    .addOption(
      new Option('--demo-interval <seconds>', 'seconds between demo films')
        .argParser(parsePositiveInt('--demo-interval'))
        .default(5),
    )
    .action(async (flags: ServeFlags) => {
      const overrides: Partial<Record<keyof EnvSettings, string>> = {};
      if (flags.dataDir) overrides.SPINEQC_DATA_DIR = flags.dataDir;
      if (flags.httpPort) overrides.SPINEQC_HTTP_PORT = flags.httpPort;
      if (flags.dicomPort) overrides.SPINEQC_DICOM_PORT = flags.dicomPort;
      if (flags.dashboardPort) overrides.SPINEQC_DASHBOARD_PORT = flags.dashboardPort;
      if (!flags.dashboard) overrides.SPINEQC_DASHBOARD_ENABLED = 'false';
      let config;
      try {
        config = loadConfig(environment(), { ...overrides, SPINEQC_MODE: 'embedded' });
      } catch (error) {
        if (error instanceof ConfigError) throw new UsageError(error.message);
        throw error;
      }
      const logger = createJsonLogger('spineqc', config.logLevel);
      const server = await startEmbedded(config, logger);
      const firstAdminFile = await ensureFirstAdmin(server.database, config.dataDir);
      const url = `http://localhost:${server.api.httpPort}`;
      const dashboard = config.dashboard.enabled
        ? await startDashboardProcess(config, server.api.httpPort, logger, environment()).catch(
            (error: Error) => {
              logger.error('dashboard did not start; serving the API only', { error: error.message });
              return null;
            },
          )
        : null;
      if (dashboard) logger.info('dashboard running', { dashboardPort: dashboard.port });
      process.stdout.write(
        [
          `SpineQC is running (embedded mode, data in ${config.dataDir})`,
          dashboard
            ? `  dashboard        http://localhost:${dashboard.port}   (rooms: /rooms/<station>, /qa, /exams/<id>)`
            : '  dashboard        not running',
          `  API and STOW-RS  ${url}/api/exams   ${url}/dicomweb/studies`,
          `  OpenAPI          ${url}/api/docs`,
          `  live verdicts    Socket.IO ${url}/live (emit "subscribe" { station })`,
          `  DICOM C-STORE    ${config.dicom.enabled ? `port ${server.api.dicomPort}, AE title ${config.dicom.aeTitle}` : 'disabled'}`,
          `  health, metrics  ${url}/healthz   ${url}/metrics`,
          firstAdminFile
            ? `  first sign-in    user "admin", password in ${firstAdminFile} (change it, then delete the file)`
            : '',
          flags.demo
            ? `  demo             films from DR-ROOM-1 and DR-ROOM-2 every ${flags.demoInterval} s`
            : '',
          'Press Ctrl+C to stop.',
          '',
        ]
          .filter(Boolean)
          .join('\n') + '\n',
      );
      const demo = flags.demo
        ? startDemoPlayer({
            baseUrl: url,
            // The player is an integration like any DR console: it sends with an ingest token of its own.
            token: (
              await provisionToken(
                server.database,
                { role: 'ingest', name: 'demo player', expiresInDays: 1 },
                'spineqc serve --demo',
              )
            ).token,
            intervalMs: flags.demoInterval * 1000,
            seed: Date.now() % 100000,
            logger,
          })
        : null;
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          logger.info('shutting down', { signal });
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      const forced = setTimeout(() => {
        logger.error('shutdown took too long; exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs);
      forced.unref();
      await demo?.stop();
      await dashboard?.stop();
      await server.close();
    });
}
