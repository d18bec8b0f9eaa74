import { spawn, type ChildProcess } from 'node:child_process';
import { BenchPipelineError } from './bench-pipeline-error.js';

/** A server process the benchmark started, with its stdout+stderr kept for matching and for errors. */
export interface ServerProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The last part of what it printed (for error messages and log parsing). */
  tail(chars?: number): string;
  /** Resolves with the first match of `pattern` in what it printed; rejects if it exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM (graceful: in-flight work finishes), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Children still running, for the last-resort kill when this process exits without cleaning up. */
const running = new Set<ChildProcess>();

/** Synchronous, for process.on('exit'): SIGKILL whatever the orderly cleanup did not stop. */
export function killStragglers(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Output kept per process: enough for banners and the last log lines. */
const KEEP_CHARS = 1 << 20;
const DEFAULT_GRACE_MS = 15_000;

export function spawnServer(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): ServerProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    if (text.length > 2 * KEEP_CHARS) text = text.slice(-KEEP_CHARS);
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  const tail = (chars = 3000) => text.slice(-chars);

  return {
    name,
    child,
    tail,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const done = () => {
          listeners.delete(check);
          clearTimeout(timer);
        };
        const check = () => {
          const match = text.match(pattern);
          if (!match) return;
          done();
          resolve(match);
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new BenchPipelineError(
              'START_TIMEOUT',
              `${name}: no ${pattern} within ${timeoutMs} ms:\n${tail()}`,
            ),
          );
        }, timeoutMs);
        listeners.add(check);
        void exited.then((how) => {
          if (!listeners.has(check)) return;
          done();
          reject(new BenchPipelineError('EXITED', `${name} exited (${how}) before ${pattern}:\n${tail()}`));
        });
        check();
      });
    },
    async stop(graceMs = DEFAULT_GRACE_MS) {
      if (!alive()) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => alive() && child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
    },
  };
}
