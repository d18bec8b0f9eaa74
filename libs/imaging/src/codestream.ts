import type { PixelAttributes } from './dicom-pixels.js';
import type { CompressionCodec } from './dicom-uids.js';
import { ImagingError } from './errors.js';

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

/** SOFn / SOF55 frame size (height 0: defined later by a DNL marker). */
function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8)
    throw corrupt('the codestream does not start with a JPEG SOI marker');
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // scan or end before any frame header
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2; // markers without a length
      continue;
    }
    if (isStartOfFrame(marker) && i + 9 <= bytes.length) {
      return { height: (bytes[i + 5] << 8) | bytes[i + 6], width: (bytes[i + 7] << 8) | bytes[i + 8] };
    }
    i += 2 + ((bytes[i + 2] << 8) | bytes[i + 3]);
  }
  throw corrupt('the JPEG codestream has no frame header (SOF) before its first scan');
}

function isStartOfFrame(marker: number): boolean {
  const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
  return sof || marker === 0xf7; // JPEG-LS SOF55
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

/** RLE header (PS3.5 G.3.1): one segment per byte of each sample, the first right after the header. */
function checkRleHeader(bytes: Uint8Array, header: PixelAttributes): void {
  if (bytes.length < RLE_HEADER_BYTES)
    throw corrupt(`the RLE frame is ${bytes.length} bytes, shorter than its header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const segments = view.getUint32(0, true);
  const expected = header.samplesPerPixel * Math.ceil(header.bitsAllocated / 8);
  if (segments !== expected) {
    throw corrupt(`the RLE header declares ${segments} segments where ${expected} are expected`);
  }
  let previous = RLE_HEADER_BYTES - 1;
  for (let s = 0; s < segments; s++) {
    const offset = view.getUint32(4 + 4 * s, true);
    if ((s === 0 && offset !== RLE_HEADER_BYTES) || offset <= previous || offset >= bytes.length) {
      throw corrupt(`RLE segment ${s + 1} starts at ${offset}, outside the ${bytes.length}-byte frame`);
    }
    previous = offset;
  }
}

function corrupt(detail: string): ImagingError {
  return new ImagingError('CORRUPT_PIXEL_DATA', `Compressed Pixel Data is corrupt: ${detail}`);
}
