export type { ObjectStorage } from './object-storage.js';
export { LocalFileStorage } from './local-file-storage.js';
export { StorageError, type StorageErrorCode } from './storage-error.js';
export { storageKeySegments } from './storage-key.js';
