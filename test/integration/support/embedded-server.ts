import { createToken } from './admin.js';
import { CLI, spawnNode, type Spawned } from './processes.js';

export interface EmbeddedServer {
  process: Spawned;
  baseUrl: string;
  /** An administrator's API token (made with `spineqc admin create-token` before the server started). */
  token: string;
  dicomPort: number;
  /** Set when started with `{ dashboard: true }`. */
  dashboardUrl: string | null;
}

/**
 * Starts `spineqc serve` on ephemeral ports (plus `extraArgs` and SPINEQC_* `env`) and waits for its banner. The dashboard
 * (a Next.js child process) is started only for the tests that open it.
 */
export async function startEmbeddedServer(
  dataDir: string,
  extraArgs: string[] = [],
  options: { dashboard?: boolean; env?: Record<string, string> } = {},
): Promise<EmbeddedServer> {
  const dashboardArgs = options.dashboard ? ['--dashboard-port', '0'] : ['--no-dashboard'];
  const args = [
    CLI,
    'serve',
    '--data-dir',
    dataDir,
    '--http-port',
    '0',
    '--dicom-port',
    '0',
    ...dashboardArgs,
    ...extraArgs,
  ];
  const token = await createToken(['--data-dir', dataDir], 'admin', 'integration tests', options.env);
  const server = spawnNode(args, options.env);
  const [, port] = await server.waitFor(/API and STOW-RS\s+http:\/\/localhost:(\d+)/);
  const [, dicomPort] = await server.waitFor(/DICOM C-STORE\s+port (\d+)/);
  const dashboardUrl = options.dashboard
    ? `http://localhost:${(await server.waitFor(/dashboard\s+http:\/\/localhost:(\d+)/))[1]}`
    : null;
  return {
    process: server,
    baseUrl: `http://localhost:${port}`,
    token,
    dicomPort: Number(dicomPort),
    dashboardUrl,
  };
}
