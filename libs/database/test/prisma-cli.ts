import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PRISMA = fileURLToPath(new URL('../../../node_modules/.bin/prisma', import.meta.url));

export interface CliResult {
  code: number;
  output: string;
}

/** Runs the Prisma CLI of this repository (prisma.config.ts at the root) against `databaseUrl`, if any. */
export function prisma(args: string[], databaseUrl?: string): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
  delete env['DATABASE_URL'];
  if (databaseUrl !== undefined) env['DATABASE_URL'] = databaseUrl;
  return new Promise((resolve) => {
    execFile(PRISMA, args, { cwd: REPO_ROOT, env, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}
