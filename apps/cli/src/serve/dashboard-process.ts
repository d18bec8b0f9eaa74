import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SpineqcConfig } from '@spineqc/config';
import type { Logger } from '@spineqc/logging';

export interface DashboardProcess {
  /** The port it listens on (the configured one, or the one the system chose for port 0). */
  port: number;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const MAX_RESTARTS_PER_MINUTE = 5;

/** Where the dashboard package lives (a workspace of this repository, built by `npm run build`). */
function dashboardDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@spineqc/dashboard/package.json'));
}

/**
 * Runs the dashboard (Next.js) as a child process beside the embedded server and restarts it if it dies:
 * a page-rendering fault must never take the DICOM receiver or the API down with it.
 */
export async function startDashboardProcess(
  config: SpineqcConfig,
  apiPort: number,
  logger: Logger,
  /** The environment the child inherits (its settings are validated again by its own config load). */
  environment: Record<string, string | undefined>,
): Promise<DashboardProcess | null> {
  const dir = dashboardDir();
  const main = join(dir, 'server/dist/main.js');
  if (!existsSync(main) || !existsSync(join(dir, '.next/BUILD_ID'))) {
    logger.warn('dashboard not built: run `npm run build`; serving the API only', { dir });
    return null;
  }
  const env = {
    ...environment,
    SPINEQC_DASHBOARD_HOST: config.dashboard.host,
    SPINEQC_DASHBOARD_PORT: String(config.dashboard.port),
    SPINEQC_DASHBOARD_API_URL: `http://127.0.0.1:${apiPort}`,
    SPINEQC_LOG_LEVEL: config.logLevel,
  };
  let stopping = false;
  let child: ChildProcess;
  const restarts: number[] = [];

  const launch = () =>
    new Promise<number>((resolve, reject) => {
      child = spawn(process.execPath, [main], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
      // Next prints progress on stdout; ours is for the banner, so its chatter goes to stderr with the logs.
      child.stdout?.pipe(process.stderr);
      let listening = false;
      const started = child;
      const timer = setTimeout(() => {
        started.kill('SIGKILL');
        reject(new Error('the dashboard did not start in time'));
      }, START_TIMEOUT_MS);
      child.on('message', (message: { event?: string; port?: number }) => {
        if (message.event === 'listening' && typeof message.port === 'number') {
          clearTimeout(timer);
          listening = true;
          resolve(message.port);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (!listening) reject(new Error(`the dashboard exited (${signal ?? code}) before listening`));
        else if (!stopping) relaunch(code, signal);
      });
    });

  const relaunch = (code: number | null, signal: NodeJS.Signals | null) => {
    const now = Date.now();
    while (restarts.length && now - restarts[0] > 60_000) restarts.shift();
    if (restarts.length >= MAX_RESTARTS_PER_MINUTE) {
      logger.error('dashboard keeps exiting; not restarting it (the API and DICOM receiver stay up)', {
        code,
        signal,
      });
      return;
    }
    restarts.push(now);
    logger.error('dashboard exited; restarting it', { code, signal });
    launch().catch((error: Error) => logger.error('dashboard restart failed', { error: error.message }));
  };

  const port = await launch();
  return {
    port,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
