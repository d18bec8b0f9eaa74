import { randomFillSync } from 'node:crypto';

/** Root for UIDs derived from UUIDs (ITU-T X.667 / DICOM PS3.5 B.2): no registered org root needed. */
const UUID_ROOT = '2.25';

/** SpineQC's implementation class UID, fixed for the product (2.25 form of a UUID chosen once). */
export const IMPLEMENTATION_CLASS_UID = '2.25.208225210255565075054605510563977294150';
/** (0002,0013) SH, at most 16 characters. */
export const IMPLEMENTATION_VERSION_NAME = 'SPINEQC_0_1';

/**
 * A new DICOM UID `2.25.<decimal of a random version-4 UUID>`. Pass `rng` (uniform in [0, 1)) to
 * make the UID reproducible, e.g. a seeded generator for phantom cases.
 */
export function newUid(rng?: () => number): string {
  const bytes = new Uint8Array(16);
  if (rng) {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rng() * 256) & 0xff;
  } else {
    randomFillSync(bytes);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return `${UUID_ROOT}.${value.toString(10)}`;
}

/** Whether `uid` is a syntactically valid DICOM UID (PS3.5 9.1): ≤ 64 chars, numeric components without leading zeros. */
export function isValidUid(uid: string): boolean {
  return uid.length > 0 && uid.length <= 64 && /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/.test(uid);
}
