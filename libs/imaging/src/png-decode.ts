import { inflateSync } from 'node:zlib';
import { MAX_IMAGE_PIXELS } from './dicom-pixels.js';
import { badPng, readPngChunks, type PngHeader } from './png-chunks.js';

/** Adam7 passes: x start, y start, x step, y step (PNG §8.2). */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

export interface RawPng {
  header: PngHeader;
  palette?: number[][];
  /** width × height × channels samples, row by row; 16-bit samples as Uint16Array, others one per byte. */
  samples: Uint8Array | Uint16Array;
}

/**
 * Decodes a PNG with a bounded inflate: the image data may inflate to exactly the bytes its header
 * implies and no more, so neither a 100-byte file claiming 100 000 × 100 000 pixels nor an IDAT
 * stream that inflates to gigabytes costs more memory than the (capped) image itself. Ancillary
 * chunks (compressed text, ICC profiles) are never inflated. Errors: BAD_PNG, IMAGE_TOO_LARGE.
 */
export function decodePngSamples(bytes: Uint8Array, maxPixels = MAX_IMAGE_PIXELS): RawPng {
  const { header, palette, imageData } = readPngChunks(bytes, maxPixels);
  const passes = header.interlaced
    ? ADAM7.map(([x0, y0, dx, dy]) => ({
        x0,
        y0,
        dx,
        dy,
        width: Math.ceil((header.width - x0) / dx),
        height: Math.ceil((header.height - y0) / dy),
      })).filter((p) => p.width > 0 && p.height > 0)
    : [{ x0: 0, y0: 0, dx: 1, dy: 1, width: header.width, height: header.height }];
  const bitsPerPixel = header.channels * header.bitDepth;
  const rowBytes = (width: number) => Math.ceil((width * bitsPerPixel) / 8);
  const expected = passes.reduce((sum, p) => sum + p.height * (1 + rowBytes(p.width)), 0);
  const raw = inflateBounded(imageData, expected, header);

  if (!header.interlaced)
    return {
      header,
      palette,
      samples: toSamples(unfilter(raw, 0, header, header.width), header, header.width, header.height),
    };
  const samples = newSamples(header, header.width * header.height * header.channels);
  let offset = 0;
  for (const pass of passes) {
    const rows = unfilter(raw, offset, header, pass.width, pass.height);
    offset += pass.height * (1 + rowBytes(pass.width));
    const passSamples = toSamples(rows, header, pass.width, pass.height);
    const c = header.channels;
    for (let y = 0; y < pass.height; y++)
      for (let x = 0; x < pass.width; x++) {
        const to = ((pass.y0 + y * pass.dy) * header.width + pass.x0 + x * pass.dx) * c;
        const from = (y * pass.width + x) * c;
        for (let k = 0; k < c; k++) samples[to + k] = passSamples[from + k];
      }
  }
  return { header, palette, samples };
}

function inflateBounded(imageData: Uint8Array[], expected: number, header: PngHeader): Uint8Array {
  let raw: Uint8Array;
  try {
    // One byte of headroom tells "more than declared" from "exactly as declared".
    raw = inflateSync(Buffer.concat(imageData), { maxOutputLength: expected + 1 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw badPng(
        `the image data inflates beyond the ${expected} bytes a ${header.width}×${header.height} image holds ` +
          '(a decompression bomb or a corrupt stream)',
      );
    }
    throw badPng(`the image data cannot be inflated: ${(error as Error).message}`);
  }
  if (raw.length !== expected) {
    throw badPng(
      `the image data inflates to ${raw.length} bytes where a ${header.width}×${header.height} image holds ${expected}`,
    );
  }
  return raw;
}

/**
 * Reverses the per-row filters (PNG §9) of `height` rows starting at `offset`, in place: each row is
 * written over the filtered bytes (shifted left past the filter bytes), so no second image-sized
 * buffer is needed. Returns the unfiltered rows, without filter bytes.
 */
function unfilter(
  raw: Uint8Array,
  offset: number,
  header: PngHeader,
  width: number,
  height = header.height,
): Uint8Array {
  const bitsPerPixel = header.channels * header.bitDepth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  for (let y = 0; y < height; y++) {
    const line = offset + y * (stride + 1) + 1;
    const filter = raw[line - 1];
    const row = offset + y * stride;
    const up = row - stride;
    // Writing row[i] only ever overwrites filtered bytes already read (row < line).
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? raw[row + i - bpp] : 0;
      const b = y > 0 ? raw[up + i] : 0;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = a;
          break;
        case 2:
          predicted = b;
          break;
        case 3:
          predicted = (a + b) >> 1;
          break;
        case 4:
          predicted = paeth(a, b, i >= bpp && y > 0 ? raw[up + i - bpp] : 0);
          break;
        default:
          throw badPng(`row ${y} has filter type ${filter}, not 0–4`);
      }
      raw[row + i] = (raw[line + i] + predicted) & 0xff;
    }
  }
  return raw.subarray(offset, offset + stride * height);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function newSamples(header: PngHeader, count: number): Uint8Array | Uint16Array {
  return header.bitDepth === 16 ? new Uint16Array(count) : new Uint8Array(count);
}

/**
 * Packed rows → one sample per element: 8-bit rows as they are, 16-bit big-endian pairs joined into a
 * new array of their own (so a decode worker can move it to the caller rather than copy it), depths
 * below 8 unpacked.
 */
function toSamples(
  rows: Uint8Array,
  header: PngHeader,
  width: number,
  height: number,
): Uint8Array | Uint16Array {
  const { bitDepth, channels } = header;
  const perRow = width * channels;
  if (bitDepth === 8) return rows;
  if (bitDepth === 16) {
    const samples = new Uint16Array(perRow * height);
    for (let i = 0; i < samples.length; i++) samples[i] = (rows[2 * i] << 8) | rows[2 * i + 1];
    return samples;
  }
  const samples = new Uint8Array(perRow * height);
  const stride = Math.ceil((perRow * bitDepth) / 8);
  const mask = (1 << bitDepth) - 1;
  for (let y = 0; y < height; y++)
    for (let s = 0; s < perRow; s++) {
      const bit = s * bitDepth;
      samples[y * perRow + s] = (rows[y * stride + (bit >> 3)] >> (8 - bitDepth - (bit & 7))) & mask;
    }
  return samples;
}
