import { createHash } from 'node:crypto';

/**
 * A PNG/JPEG carries no SOP Instance UID; one derived from the content (UUID-based "2.25." form,
 * PS3.5 §B.2) makes a re-upload of the same file idempotent like a re-sent DICOM instance.
 */
export function uidFromContent(bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest();
  const uuidBits = BigInt('0x' + digest.subarray(0, 16).toString('hex'));
  return `2.25.${uuidBits.toString(10)}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
