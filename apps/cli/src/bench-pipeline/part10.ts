import { BenchPipelineError } from './bench-pipeline-error.js';

/** VRs whose length field is 4 bytes after 2 reserved ones (PS3.5 §7.1.2). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const PREAMBLE = 128;

/**
 * Splits a DICOM Part 10 file into its transfer syntax and the data set after the File Meta
 * Information (group 0002, always explicit VR little endian: PS3.10 §7.1) — what a C-STORE carries.
 */
export function splitPart10(bytes: Uint8Array): { transferSyntaxUid: string; dataset: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
  if (bytes.length < PREAMBLE + 4 || text(PREAMBLE, 4) !== 'DICM')
    throw new BenchPipelineError('NOT_PART10', 'not a DICOM Part 10 file (no DICM prefix)');
  let offset = PREAMBLE + 4;
  let transferSyntaxUid: string | undefined;
  while (offset + 8 <= bytes.length && view.getUint16(offset, true) === 0x0002) {
    const element = view.getUint16(offset + 2, true);
    const vr = text(offset + 4, 2);
    const long = LONG_VRS.has(vr);
    const length = long ? view.getUint32(offset + 8, true) : view.getUint16(offset + 6, true);
    const valueAt = offset + (long ? 12 : 8);
    if (valueAt + length > bytes.length)
      throw new BenchPipelineError('NOT_PART10', 'File Meta Information runs past the end of the file');
    if (element === 0x0010) transferSyntaxUid = text(valueAt, length).replace(/[\0 ]+$/, '');
    offset = valueAt + length;
  }
  if (!transferSyntaxUid)
    throw new BenchPipelineError('NOT_PART10', 'File Meta Information names no Transfer Syntax UID');
  return { transferSyntaxUid, dataset: bytes.subarray(offset) };
}
