export { startDicomScp, type DicomScpOptions, type DicomScpHandle } from './scp.js';
export { DicomScpError, type DicomScpErrorCode } from './dicom-scp-error.js';
export {
  C_STORE_STATUS,
  C_STORE_STATUS_BY_CODE,
  cStoreFailureFor,
  type CStoreFailure,
} from './c-store-status.js';
export { STORAGE_TRANSFER_SYNTAXES } from './transfer-syntaxes.js';
export type { ScpLogger } from './scp-logger.js';
export type { ScpRefusal } from './storage-scp.js';
