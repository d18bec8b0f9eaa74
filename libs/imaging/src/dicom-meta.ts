import { ImagingError, type ImagingErrorCode } from './errors.js';

/** VRs whose explicit-VR header has 2 reserved bytes and a 4-byte length (PS3.5 7.1.2). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const PREAMBLE = 128;

/** Whether `bytes` is a DICOM Part 10 file: 128-byte preamble then "DICM". */
export function hasPart10Header(bytes: Uint8Array): boolean {
  return (
    bytes.length >= PREAMBLE + 4 &&
    bytes[PREAMBLE] === 0x44 &&
    bytes[PREAMBLE + 1] === 0x49 &&
    bytes[PREAMBLE + 2] === 0x43 &&
    bytes[PREAMBLE + 3] === 0x4d
  );
}

/**
 * Transfer Syntax UID (0002,0010) from the file meta group and where the data set starts, read
 * before the data set so that a compressed file is refused with its syntax named rather than
 * half-parsed.
 */
export function readFileMeta(
  bytes: Uint8Array,
  truncatedCode: ImagingErrorCode = 'BAD_DICOM',
): { transferSyntaxUid: string; datasetOffset: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = PREAMBLE + 4;
  let transferSyntaxUid: string | undefined;
  let cutShort = false;
  while (offset + 8 <= bytes.length && view.getUint16(offset, true) === 0x0002) {
    const element = view.getUint16(offset + 2, true);
    const vr = String.fromCharCode(bytes[offset + 4], bytes[offset + 5]);
    let length: number;
    let valueStart: number;
    if (LONG_VRS.has(vr)) {
      if ((cutShort = offset + 12 > bytes.length)) break;
      length = view.getUint32(offset + 8, true);
      valueStart = offset + 12;
    } else {
      length = view.getUint16(offset + 6, true);
      valueStart = offset + 8;
    }
    if ((cutShort = valueStart + length > bytes.length)) break;
    if (element === 0x0010) transferSyntaxUid = ascii(bytes.subarray(valueStart, valueStart + length));
    offset = valueStart + length;
  }
  cutShort ||= offset + 8 > bytes.length;
  if (transferSyntaxUid === undefined) {
    throw cutShort
      ? new ImagingError(truncatedCode, 'DICOM file is truncated inside its file meta information')
      : new ImagingError('BAD_DICOM', 'DICOM file meta information has no Transfer Syntax UID (0002,0010)');
  }
  return { transferSyntaxUid, datasetOffset: offset };
}

/**
 * A bare dataset (no preamble or file meta, as a C-STORE SCP receives it) is recognised by its
 * first tag being in group 0x0008; explicit VR shows as two upper-case letters after that tag.
 * Returns the little-endian transfer syntax it appears to use, or null if it does not look like DICOM.
 */
export function sniffBareDataset(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return null;
  const group = bytes[0] | (bytes[1] << 8);
  if (group !== 0x0008) return null;
  const isUpper = (b: number) => b >= 0x41 && b <= 0x5a;
  return isUpper(bytes[4]) && isUpper(bytes[5]) ? '1.2.840.10008.1.2.1' : '1.2.840.10008.1.2';
}

/** Puts a minimal Part 10 header (preamble, DICM, group length, transfer syntax) before a bare dataset. */
export function wrapBareDataset(dataset: Uint8Array, transferSyntaxUid: string): Uint8Array {
  const uid = transferSyntaxUid.length % 2 === 0 ? transferSyntaxUid : `${transferSyntaxUid}\0`;
  const syntaxElementLength = 8 + uid.length;
  const header = new Uint8Array(PREAMBLE + 4 + 12 + syntaxElementLength);
  const view = new DataView(header.buffer);
  header.set([0x44, 0x49, 0x43, 0x4d], PREAMBLE);
  let offset = PREAMBLE + 4;
  // (0002,0000) UL group length
  view.setUint16(offset, 0x0002, true);
  view.setUint16(offset + 2, 0x0000, true);
  header.set([0x55, 0x4c], offset + 4);
  view.setUint16(offset + 6, 4, true);
  view.setUint32(offset + 8, syntaxElementLength, true);
  offset += 12;
  // (0002,0010) UI transfer syntax
  view.setUint16(offset, 0x0002, true);
  view.setUint16(offset + 2, 0x0010, true);
  header.set([0x55, 0x49], offset + 4);
  view.setUint16(offset + 6, uid.length, true);
  for (let i = 0; i < uid.length; i++) header[offset + 8 + i] = uid.charCodeAt(i);
  const file = new Uint8Array(header.length + dataset.length);
  file.set(header);
  file.set(dataset, header.length);
  return file;
}

function ascii(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text.replace(/[\0 ]+$/, '');
}
