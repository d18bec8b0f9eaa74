import { mkdtemp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalFileStorage } from './local-file-storage.js';
import { StorageError } from './storage-error.js';

let root: string;
let storage: LocalFileStorage;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'spineqc-storage-'));
  storage = new LocalFileStorage(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  return (error as StorageError).code;
}

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('LocalFileStorage', () => {
  it('stores bytes under a nested key and reads them back', async () => {
    const key = 'originals/2026/11/27/3f2a9c1e-0b7d-4c55-9d0e-1a2b3c4d5e6f.dcm';
    const bytes = new Uint8Array([0x44, 0x49, 0x43, 0x4d, 0, 255, 7]);
    await storage.put(key, bytes);

    expect(await storage.exists(key)).toBe(true);
    expect(Array.from(await storage.get(key))).toEqual(Array.from(bytes));
    expect(await filesUnder(root)).toEqual([key]);
  });

  it('replaces an existing object and leaves no temporary files behind', async () => {
    await storage.put('a/b.bin', new Uint8Array([1, 2, 3]));
    await storage.put('a/b.bin', new Uint8Array([9]));

    expect(Array.from(await storage.get('a/b.bin'))).toEqual([9]);
    expect(await filesUnder(root)).toEqual(['a/b.bin']);
  });

  it('keeps one whole version when many writers race on the same key', async () => {
    const versions = Array.from({ length: 16 }, (_, i) => new Uint8Array(64 * 1024).fill(i + 1));
    await Promise.all(versions.map((bytes) => storage.put('race/image.dcm', bytes)));

    const stored = await storage.get('race/image.dcm');
    expect(stored.length).toBe(64 * 1024);
    expect(new Set(stored).size).toBe(1);
    expect(await filesUnder(root)).toEqual(['race/image.dcm']);
  });

  it('stores an empty object', async () => {
    await storage.put('empty', new Uint8Array());
    expect((await storage.get('empty')).length).toBe(0);
    expect(await storage.exists('empty')).toBe(true);
  });

  it('deletes an object, and deleting what is not there is no error', async () => {
    await storage.put('originals/2026/a.dcm', new Uint8Array([1, 2, 3]));
    await storage.delete('originals/2026/a.dcm');
    expect(await storage.exists('originals/2026/a.dcm')).toBe(false);
    await storage.delete('originals/2026/a.dcm');
    await storage.delete('never/stored.png');
    expect(await codeOf(storage.get('originals/2026/a.dcm'))).toBe('NOT_FOUND');
  });

  it('reports a missing key as NOT_FOUND and exists() as false', async () => {
    expect(await codeOf(storage.get('originals/none.dcm'))).toBe('NOT_FOUND');
    expect(await storage.exists('originals/none.dcm')).toBe(false);
  });

  it('treats a directory as no object', async () => {
    await storage.put('dir/file', new Uint8Array([1]));
    expect(await storage.exists('dir')).toBe(false);
    expect(await codeOf(storage.get('dir'))).toBe('NOT_FOUND');
    expect(await storage.exists('dir/file/below')).toBe(false);
  });

  it.each([
    ['an absolute path', '/etc/passwd'],
    ['a parent segment', 'originals/../../escape.dcm'],
    ['a leading parent segment', '../escape.dcm'],
    ['a dot segment', 'originals/./x.dcm'],
    ['a backslash', 'originals\\x.dcm'],
    ['a NUL byte', 'originals/x\0.dcm'],
    ['an empty key', ''],
    ['an empty segment', 'originals//x.dcm'],
    ['a trailing slash', 'originals/'],
    ['a drive letter', 'C:/x.dcm'],
  ])('rejects %s as BAD_KEY on every operation', async (_why, key) => {
    expect(await codeOf(storage.put(key, new Uint8Array([1])))).toBe('BAD_KEY');
    expect(await codeOf(storage.get(key))).toBe('BAD_KEY');
    expect(await codeOf(storage.exists(key))).toBe('BAD_KEY');
    expect(await filesUnder(root)).toEqual([]);
  });

  it('fails a write with IO_ERROR, keeps the old object and cleans up its temporary file', async () => {
    await storage.put('images/x.dcm', new Uint8Array([1, 2]));
    // A directory where the new object should land makes the final rename fail.
    await mkdir(join(root, 'images/blocked.dcm'));
    await writeFile(join(root, 'images/blocked.dcm/keep'), 'x');

    expect(await codeOf(storage.put('images/blocked.dcm', new Uint8Array([3])))).toBe('IO_ERROR');
    expect(await filesUnder(root)).toEqual(['images/blocked.dcm/keep', 'images/x.dcm']);
    expect(Array.from(await storage.get('images/x.dcm'))).toEqual([1, 2]);
  });

  it('is healthy on a writable root, creating it when needed, and unhealthy when the root is a file', async () => {
    const nested = new LocalFileStorage(join(root, 'not/yet/there'));
    expect(await nested.health()).toMatchObject({ ok: true });
    expect((await stat(join(root, 'not/yet/there'))).isDirectory()).toBe(true);

    await writeFile(join(root, 'plain-file'), 'x');
    const broken = new LocalFileStorage(join(root, 'plain-file'));
    const health = await broken.health();
    expect(health.ok).toBe(false);
    expect(health.detail).toContain('plain-file');
  });
});
