import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

// Runs the built command line as a user would (the test command builds first).
const bin = new URL('../bin/spineqc.mjs', import.meta.url).pathname;
const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function spineqc(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
