import type { PixelAttributes } from './dicom-pixels.js';
import type { CompressionCodec } from './dicom-uids.js';
import { ImagingError } from './errors.js';
import { minimumCodedBytes, readJpegFrame } from './jpeg-frame.js';

const RLE_HEADER_BYTES = 64;

/** Whether a fragment opens a new JPEG / JPEG-LS (SOI) or JPEG 2000 (SOC + SIZ) codestream. */
export function startsFrame(codec: CompressionCodec, fragment: Uint8Array): boolean {
  if (codec === 'jpeg' || codec === 'jpegLs') return fragment[0] === 0xff && fragment[1] === 0xd8;
  if (codec === 'jpeg2000' || codec === 'htj2k') return isJ2kStart(fragment);
  return false; // RLE: one fragment per frame
}

/**
 * Checks a frame's codestream against the header before decoding: the declared size must match (the
 * codecs trust the header and would otherwise crop or pad silently), and a JPEG-family codestream
 * must reach its end marker (libjpeg pads a truncated one with grey and only warns). Throws
 * CORRUPT_PIXEL_DATA.
 */
export function checkCodestream(codec: CompressionCodec, bytes: Uint8Array, header: PixelAttributes): void {
  if (codec === 'rle') return checkRleHeader(bytes, header);
  const size = codec === 'jpeg2000' || codec === 'htj2k' ? j2kSize(bytes) : jpegSize(bytes);
  if (size.width !== header.columns || (size.height !== 0 && size.height !== header.rows)) {
    throw corrupt(
      `the codestream is ${size.width}×${size.height} but the header says ${header.columns}×${header.rows}`,
    );
  }
  if (!hasEndMarker(bytes)) throw corrupt('the codestream has no end marker (FFD9); it is truncated');
}

/** SOFn / SOF55 frame size (height 0: defined later by a DNL marker), checked against the codestream's length. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  const frame = readJpegFrame(bytes);
  if (typeof frame === 'string') throw corrupt(frame);
  const minimum = minimumCodedBytes(frame);
  if (bytes.length < minimum) {
    throw corrupt(
      `a ${frame.width}×${frame.height} JPEG needs at least ${minimum} bytes of coded data but has ${bytes.length} ` +
        '(truncated, or a header claiming a far larger image than the data holds)',
    );
  }
  return frame;
}

/** SIZ: Xsiz − XOsiz by Ysiz − YOsiz (PS 15444-1 A.5.1). */
function j2kSize(bytes: Uint8Array): { width: number; height: number } {
  if (!isJ2kStart(bytes) || bytes.length < 24) {
    throw corrupt('the codestream does not start with JPEG 2000 SOC and SIZ markers');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    width: view.getUint32(8) - view.getUint32(16),
    height: view.getUint32(12) - view.getUint32(20),
  };
}

function isJ2kStart(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0x4f && bytes[2] === 0xff && bytes[3] === 0x51;
}

/**
 * EOI (JPEG, JPEG-LS) and EOC (JPEG 2000) are both FF D9, which byte stuffing keeps out of every
 * entropy-coded segment; encoders may pad after it, so the last few bytes are searched.
 */
function hasEndMarker(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 2; i >= Math.max(0, bytes.length - 32); i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}

/**
 * RLE header (PS3.5 G.3.1): one segment per byte of each sample, the first right after the header.
 * A PackBits run codes at most 128 bytes in 2, so a segment shorter than 2/128 of the Rows × Columns
 * bytes it must decode to is cut short, or a bomb claiming a far larger image (the decoder would
 * otherwise fill what is missing with zeros).
 */
function checkRleHeader(bytes: Uint8Array, header: PixelAttributes): void {
  if (bytes.length < RLE_HEADER_BYTES)
    throw corrupt(`the RLE frame is ${bytes.length} bytes, shorter than its header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const segments = view.getUint32(0, true);
  const expected = header.samplesPerPixel * Math.ceil(header.bitsAllocated / 8);
  if (segments !== expected) {
    throw corrupt(`the RLE header declares ${segments} segments where ${expected} are expected`);
  }
  const offsets = Array.from({ length: segments }, (_, s) => view.getUint32(4 + 4 * s, true));
  let previous = RLE_HEADER_BYTES - 1;
  for (const [s, offset] of offsets.entries()) {
    if ((s === 0 && offset !== RLE_HEADER_BYTES) || offset <= previous || offset >= bytes.length) {
      throw corrupt(`RLE segment ${s + 1} starts at ${offset}, outside the ${bytes.length}-byte frame`);
    }
    previous = offset;
  }
  const minimum = 2 * Math.ceil((header.rows * header.columns) / 128);
  for (const [s, offset] of offsets.entries()) {
    const length = (offsets[s + 1] ?? bytes.length) - offset;
    if (length < minimum) {
      throw corrupt(
        `RLE segment ${s + 1} has ${length} bytes; ${header.columns}×${header.rows} pixels need at least ${minimum} ` +
          '(truncated, or a header claiming a far larger image than the data holds)',
      );
    }
  }
}

function corrupt(detail: string): ImagingError {
  return new ImagingError('CORRUPT_PIXEL_DATA', `Compressed Pixel Data is corrupt: ${detail}`);
}
