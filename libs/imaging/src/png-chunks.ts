import { MAX_IMAGE_PIXELS } from './dicom-pixels.js';
import { ImagingError } from './errors.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Channels of each colour type and the bit depths it allows (PNG §11.2.2). */
export const COLOUR_TYPES: Readonly<Record<number, { channels: number; depths: readonly number[] }>> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  channels: number;
  interlaced: boolean;
}

/** The chunks an image is made of; ancillary ones (text, ICC profiles, animation) are skipped unread. */
export interface PngChunks {
  header: PngHeader;
  /** PLTE entries [r, g, b], with the tRNS alpha appended when there is one. */
  palette?: number[][];
  /** The IDAT payloads in order: together, one zlib stream. */
  imageData: Uint8Array[];
}

/**
 * Walks a PNG's chunks, checking that each lies within the file and that the header is valid and
 * within `maxPixels` (IMAGE_TOO_LARGE) before anything is inflated or allocated. Errors are BAD_PNG.
 */
export function readPngChunks(bytes: Uint8Array, maxPixels = MAX_IMAGE_PIXELS): PngChunks {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw badPng('no PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const imageData: Uint8Array[] = [];
  let header: PngHeader | undefined;
  let plte: Uint8Array | undefined;
  let trns: Uint8Array | undefined;
  for (let offset = SIGNATURE.length; ;) {
    if (offset + 12 > bytes.length) throw badPng('the file ends before its IEND chunk (truncated)');
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (offset + 12 + length > bytes.length)
      throw badPng(`chunk ${JSON.stringify(type)} claims ${length} bytes, past the end of the file`);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;
    if (!header && type !== 'IHDR') throw badPng('the first chunk is not IHDR');
    if (type === 'IHDR') header = readHeader(data, maxPixels);
    else if (type === 'PLTE') plte = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IDAT') imageData.push(data);
    else if (type === 'IEND') break;
  }
  if (!header) throw badPng('no IHDR chunk');
  if (imageData.length === 0) throw badPng('no image data (IDAT)');
  if (header.colourType === 3 && !plte) throw badPng('an indexed-colour image without a palette (PLTE)');
  return { header, imageData, ...(header.colourType === 3 && plte && { palette: paletteOf(plte, trns) }) };
}

function readHeader(data: Uint8Array, maxPixels: number): PngHeader {
  if (data.length !== 13) throw badPng(`IHDR is ${data.length} bytes, not 13`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const [bitDepth, colourType, compression, filter, interlace] = data.subarray(8, 13);
  if (width === 0 || height === 0) throw badPng(`the image has no size (${width}×${height})`);
  if (width * height > maxPixels) {
    throw new ImagingError(
      'IMAGE_TOO_LARGE',
      `PNG of ${width}×${height} pixels exceeds the ${maxPixels / 1e6} megapixel limit`,
    );
  }
  const colour = COLOUR_TYPES[colourType];
  if (!colour?.depths.includes(bitDepth))
    throw badPng(`colour type ${colourType} with bit depth ${bitDepth} is not a valid combination`);
  if (compression !== 0 || filter !== 0 || interlace > 1)
    throw badPng('unknown compression, filter or interlace method');
  return { width, height, bitDepth, colourType, channels: colour.channels, interlaced: interlace === 1 };
}

function paletteOf(plte: Uint8Array, trns: Uint8Array | undefined): number[][] {
  if (plte.length % 3 !== 0 || plte.length === 0 || plte.length > 3 * 256)
    throw badPng(`a palette of ${plte.length} bytes is not 1–256 RGB entries`);
  return Array.from({ length: plte.length / 3 }, (_, i) => {
    const entry = [plte[3 * i], plte[3 * i + 1], plte[3 * i + 2]];
    return trns ? [...entry, trns[i] ?? 255] : entry;
  });
}

export function badPng(detail: string): ImagingError {
  return new ImagingError('BAD_PNG', `Not a readable PNG: ${detail}`);
}
