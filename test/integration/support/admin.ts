import { spawn } from 'node:child_process';
import { CLI, REPO } from './processes.js';

/** Runs `spineqc admin …` (on a stopped embedded server's data folder, or a PostgreSQL URL) and returns its stdout. */
export function runAdmin(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'admin', ...args], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`spineqc admin ${args[0]} exited ${code}: ${stderr}`)),
    );
    child.stdin.end(stdin ?? '');
  });
}

/** A new token from `spineqc admin create-token` (`where`: --data-dir D or --database-url U). */
export async function createToken(
  where: string[],
  role: string,
  name: string,
  env: Record<string, string> = {},
  station?: string,
): Promise<string> {
  const args = ['create-token', ...where, '--role', role, '--name', name];
  return (await runAdmin(station ? [...args, '--station', station] : args, env)).trim();
}
