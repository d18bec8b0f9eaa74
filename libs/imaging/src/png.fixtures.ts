import { deflateSync } from 'node:zlib';

// A PNG writer independent of the decoder under test: every row filter type (chosen per row) and
// optional Adam7 interlacing, from the definitions in PNG §9 and §8.2.

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function ihdr(width: number, height: number, depth: number, colourType: number, interlace = 0) {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([depth, colourType, 0, 0, interlace], 8);
  return pngChunk('IHDR', data);
}

export interface TestPng {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  channels: number;
  /** One sample per element, row by row. */
  samples: number[];
  interlace: boolean;
  /** Filter type of each row (cycled). */
  filters: number[];
  palette?: number[][];
}

// Restated from the PNG specification on purpose: this writer is the decoder's independent test oracle, so a wrong
// table in png-decode.ts cannot make both sides agree.
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

export function writeTestPng(png: TestPng, extraChunks: Buffer[] = []): Buffer {
  const { width, height, channels, depth } = png;
  const passes = png.interlace
    ? ADAM7.map(([x0, y0, dx, dy]) => ({ x0, y0, dx, dy }))
    : [{ x0: 0, y0: 0, dx: 1, dy: 1 }];
  const lines: number[] = [];
  let rowNumber = 0;
  for (const { x0, y0, dx, dy } of passes) {
    const pw = Math.ceil((width - x0) / dx);
    const ph = Math.ceil((height - y0) / dy);
    if (pw <= 0 || ph <= 0) continue;
    let previous: number[] | undefined;
    for (let y = 0; y < ph; y++) {
      const samples: number[] = [];
      for (let x = 0; x < pw; x++)
        for (let c = 0; c < channels; c++)
          samples.push(png.samples[((y0 + y * dy) * width + x0 + x * dx) * channels + c]);
      const row = pack(samples, depth);
      const filter = png.filters[rowNumber++ % png.filters.length];
      lines.push(filter, ...applyFilter(filter, row, previous, Math.max(1, (channels * depth) >> 3)));
      previous = row;
    }
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height, depth, png.colourType, png.interlace ? 1 : 0),
    ...(png.palette ? [pngChunk('PLTE', Uint8Array.from(png.palette.flat()))] : []),
    ...extraChunks,
    pngChunk('IDAT', deflateSync(Uint8Array.from(lines))),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

function pack(samples: number[], depth: number): number[] {
  if (depth === 8) return samples;
  if (depth === 16) return samples.flatMap((s) => [s >> 8, s & 0xff]);
  const bytes = new Array<number>(Math.ceil((samples.length * depth) / 8)).fill(0);
  samples.forEach((s, i) => (bytes[(i * depth) >> 3] |= s << (8 - depth - ((i * depth) & 7))));
  return bytes;
}

function applyFilter(filter: number, row: number[], previous: number[] | undefined, bpp: number): number[] {
  return row.map((value, i) => {
    const a = i >= bpp ? row[i - bpp] : 0;
    const b = previous ? previous[i] : 0;
    const c = previous && i >= bpp ? previous[i - bpp] : 0;
    const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
    return (value - predicted) & 0xff;
  });
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
