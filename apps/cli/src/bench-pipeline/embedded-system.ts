import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../model/repo-paths.js';
import { BenchPipelineError } from './bench-pipeline-error.js';
import { benchToken } from './bench-token.js';
import { childEnv } from './child-env.js';
import { spawnServer } from './child-process.js';
import type { Cleanup } from './cleanup.js';
import {
  CALLED_AE_TITLE,
  START_TIMEOUT_MS,
  type PipelineSystem,
  type SystemOptions,
} from './pipeline-system.js';

/** `spineqc serve` on free ports with a fresh data folder: API, SCP, in-process bus, PGlite, one worker. */
export async function startEmbedded(cleanup: Cleanup, options: SystemOptions): Promise<PipelineSystem> {
  const dataDir = await mkdtemp(join(tmpdir(), 'spineqc-bench-embedded-'));
  cleanup.add('remove the embedded data folder', () => rm(dataDir, { recursive: true, force: true }));
  options.say(`embedded: starting spineqc serve (data in ${dataDir})`);
  const cli = join(REPO_ROOT, 'apps/cli/bin/spineqc.mjs');
  const token = await benchToken({ dataDir });
  const server = spawnServer(
    'spineqc serve',
    process.execPath,
    [cli, 'serve', '--data-dir', dataDir, '--http-port', '0', '--dicom-port', '0'],
    { cwd: REPO_ROOT, env: childEnv({ SPINEQC_INFERENCE_THREADS: options.threads?.toString() }) },
  );
  cleanup.add('stop spineqc serve', () => server.stop());
  const [, httpPort] = await server.waitFor(/API and STOW-RS\s+http:\/\/localhost:(\d+)/, START_TIMEOUT_MS);
  const [, dicomPort] = await server.waitFor(/DICOM C-STORE\s+port (\d+)/, START_TIMEOUT_MS);
  return {
    mode: 'embedded',
    baseUrl: `http://localhost:${httpPort}`,
    token,
    dicomHost: '127.0.0.1',
    dicomPort: Number(dicomPort),
    calledAeTitle: CALLED_AE_TITLE,
    processes: () => (server.child.pid ? [{ name: 'spineqc serve', pid: server.child.pid }] : []),
    async useWorkers(count) {
      if (count !== 1)
        throw new BenchPipelineError('UNSUPPORTED', 'the embedded server has exactly one inference worker');
    },
  };
}
