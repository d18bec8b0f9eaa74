import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../model/repo-paths.js';
import { BenchPipelineError } from './bench-pipeline-error.js';
import { childEnv } from './child-env.js';

/**
 * A QA-manager token for reading verdicts and watching live, made with `spineqc admin` on the benchmark's own
 * database before its server starts (the embedded database takes one process at a time).
 */
export async function benchToken(database: { dataDir: string } | { url: string }): Promise<string> {
  const where = 'dataDir' in database ? ['--data-dir', database.dataDir] : ['--database-url', database.url];
  const args = [join(REPO_ROOT, 'apps/cli/bin/spineqc.mjs'), 'admin', 'create-token', ...where];
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...args, '--role', 'qa_manager', '--name', 'bench pipeline'],
      { cwd: REPO_ROOT, env: childEnv({}) },
    );
    return stdout.trim();
  } catch (error) {
    throw new BenchPipelineError(
      'API_ERROR',
      `could not create the benchmark's API token: ${(error as Error).message}`,
    );
  }
}
