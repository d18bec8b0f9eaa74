/** Where original images are kept: bytes under a relative, slash-separated key. */
export interface ObjectStorage {
  readonly kind: string;
  /** Stores `bytes` under `key`, replacing any previous object; resolves once the object is durable. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The object's bytes; StorageError NOT_FOUND when there is none. */
  get(key: string): Promise<Uint8Array>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; nothing to remove is not an error (retention may run twice). */
  delete(key: string): Promise<void>;
  health(): Promise<{ ok: boolean; detail: string }>;
}
