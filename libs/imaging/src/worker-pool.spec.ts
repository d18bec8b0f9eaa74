import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ImagingError } from './errors.js';
import { WorkerPool } from './worker-pool.js';

// A worker speaking the pool's protocol (see worker-messages.ts) whose requests say what to do:
// answer, fail, die, or never answer.
const WORKER = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ id, request }) => {
  if (request === 'die') process.exit(7);
  if (request === 'throw') return setTimeout(() => { throw new Error('boom'); });
  if (request === 'hang') return;
  if (request === 'fail') {
    parentPort.postMessage({ id, ok: false, error: { name: 'ImagingError', code: 'CORRUPT_PIXEL_DATA', message: 'bad' } });
    return;
  }
  parentPort.postMessage({ id, ok: true, result: { echo: request, threadId } });
});
parentPort.postMessage({ ready: true });
`;

const dir = mkdtempSync(join(tmpdir(), 'spineqc-pool-'));
const workerUrl = pathToFileURL(join(dir, 'worker.mjs'));
writeFileSync(workerUrl, WORKER);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Reply = { echo: string; threadId: number };

function pool(size: number, timeoutMs = 60_000): WorkerPool<string, Reply> {
  return new WorkerPool<string, Reply>(workerUrl, { size, timeoutMs, label: 'test' });
}

async function failure(promise: Promise<unknown>): Promise<ImagingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImagingError);
  return error as ImagingError;
}

describe('WorkerPool', () => {
  it('runs tasks on every worker and answers each with its own result', async () => {
    const workers = pool(2);
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => workers.run(`task ${i}`)));
    expect(replies.map((r) => r.echo)).toEqual(Array.from({ length: 8 }, (_, i) => `task ${i}`));
    expect(new Set(replies.map((r) => r.threadId)).size).toBe(2);
    await workers.close();
  });

  it('rebuilds an ImagingError from the worker with its code', async () => {
    const workers = pool(1);
    const error = await failure(workers.run('fail'));
    expect(error.code).toBe('CORRUPT_PIXEL_DATA');
    expect(error.message).toBe('bad');
    await workers.close();
  });

  it('a worker that exits or throws fails only its task and is replaced', async () => {
    const workers = pool(1);
    const [died, threw, after] = await Promise.allSettled([
      workers.run('die'),
      workers.run('throw'),
      workers.run('still served'),
    ]);
    expect(died.status === 'rejected' && (died.reason as ImagingError).code).toBe('DECODER_CRASHED');
    expect(died.status === 'rejected' && (died.reason as Error).message).toMatch(/exit code 7/);
    expect(threw.status === 'rejected' && (threw.reason as Error).message).toMatch(/boom/);
    expect(after.status === 'fulfilled' && after.value.echo).toBe('still served');
    await workers.close();
  });

  it('abandons a task that never finishes and carries on with a new worker', async () => {
    const workers = pool(1, 1000);
    const hung = workers.run('hang');
    const next = workers.run('next');
    expect((await failure(hung)).code).toBe('DECODE_TIMEOUT');
    expect((await next).echo).toBe('next');
    await workers.close();
  });

  it('close() lets submitted tasks finish, then refuses new ones', async () => {
    const workers = pool(1);
    const pending = [workers.run('a'), workers.run('b')];
    const closed = workers.close();
    expect((await failure(workers.run('late'))).code).toBe('POOL_CLOSED');
    expect((await Promise.all(pending)).map((r) => r.echo)).toEqual(['a', 'b']);
    await closed;
  });
});
