import { CLI, spawnNode, type Spawned } from './processes.js';

export interface EmbeddedServer {
  process: Spawned;
  baseUrl: string;
  dicomPort: number;
}

/** Starts `spineqc serve` on ephemeral ports (plus `extraArgs`) and waits for its banner. */
export async function startEmbeddedServer(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<EmbeddedServer> {
  const args = [CLI, 'serve', '--data-dir', dataDir, '--http-port', '0', '--dicom-port', '0', ...extraArgs];
  const server = spawnNode(args);
  const [, port] = await server.waitFor(/API and STOW-RS\s+http:\/\/localhost:(\d+)/);
  const [, dicomPort] = await server.waitFor(/DICOM C-STORE\s+port (\d+)/);
  return { process: server, baseUrl: `http://localhost:${port}`, dicomPort: Number(dicomPort) };
}
