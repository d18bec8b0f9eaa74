import { randomUUID } from 'node:crypto';
import { access, constants, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ObjectStorage } from './object-storage.js';
import { StorageError } from './storage-error.js';
import { storageKeySegments } from './storage-key.js';

/**
 * Objects as files under a root directory. Writes go to a temporary file in the target's own
 * directory, are fsynced, then renamed over the target (and the directory fsynced), so a crash
 * leaves either the old object, the new one, or nothing — never half an image.
 */
export class LocalFileStorage implements ObjectStorage {
  readonly kind = 'local-file';
  readonly root: string;

  constructor(root: string) {
    if (typeof root !== 'string' || root.length === 0) {
      throw new StorageError('BAD_KEY', 'LocalFileStorage needs a root directory');
    }
    this.root = resolve(root);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    const directory = dirname(target);
    const temporary = join(directory, `.${randomUUID()}.partial`);
    try {
      await mkdir(directory, { recursive: true });
      const file = await open(temporary, 'wx');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
      await syncDirectory(directory);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw new StorageError('IO_ERROR', `could not store ${key}: ${describe(error)}`, { cause: error });
    }
  }

  async get(key: string): Promise<Uint8Array> {
    const path = this.pathOf(key);
    try {
      const buffer = await readFile(path);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      if (isMissing(error)) throw new StorageError('NOT_FOUND', `no object stored under ${key}`);
      throw new StorageError('IO_ERROR', `could not read ${key}: ${describe(error)}`, { cause: error });
    }
  }

  async exists(key: string): Promise<boolean> {
    const path = this.pathOf(key);
    try {
      return (await stat(path)).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw new StorageError('IO_ERROR', `could not look up ${key}: ${describe(error)}`, { cause: error });
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await unlink(path);
      await syncDirectory(dirname(path));
    } catch (error) {
      if (isMissing(error)) return;
      throw new StorageError('IO_ERROR', `could not delete ${key}: ${describe(error)}`, { cause: error });
    }
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    try {
      await mkdir(this.root, { recursive: true });
      await access(this.root, constants.R_OK | constants.W_OK);
      return { ok: true, detail: `local files under ${this.root}` };
    } catch (error) {
      return { ok: false, detail: `local files under ${this.root}: ${describe(error)}` };
    }
  }

  private pathOf(key: string): string {
    return join(this.root, ...storageKeySegments(key));
  }
}

/** Makes a rename durable: the new directory entry is only on disk once the directory is synced. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
