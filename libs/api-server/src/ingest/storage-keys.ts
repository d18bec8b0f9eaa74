import type { ImageFormat } from '../contracts.js';

const EXTENSIONS: Record<ImageFormat, string> = { dicom: 'dcm', png: 'png', jpeg: 'jpg' };

function datePath(at: Date) {
  const iso = at.toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
}

/** Deterministic per SOP instance, so a retried store overwrites (atomically) rather than duplicates. */
export function originalKey(sopInstanceUid: string, format: ImageFormat, at: Date): string {
  return `originals/${datePath(at)}/${sopInstanceUid}.${EXTENSIONS[format]}`;
}

/** Bytes that could not be accepted are kept for the ingest-failure record. */
export function rejectedKey(id: string, at: Date): string {
  return `rejected/${datePath(at)}/${id}.bin`;
}
