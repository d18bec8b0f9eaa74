// The bounded PNG decoder: every colour type, bit depth, row filter and interlacing decodes to the
// samples written; hostile files (bombs, absurd sizes, damage anywhere) are refused with an
// ImagingError before any large allocation.
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imagingOutcome, truncateOrOverwrite } from './damage.fixtures.js';
import { decodePngSamples } from './png-decode.js';
import { ihdr, PNG_SIGNATURE, pngChunk, writeTestPng, type TestPng } from './png.fixtures.js';

const FORMATS = [
  { colourType: 0, channels: 1, depths: [1, 2, 4, 8, 16] },
  { colourType: 2, channels: 3, depths: [8, 16] },
  { colourType: 3, channels: 1, depths: [1, 2, 4, 8] },
  { colourType: 4, channels: 2, depths: [8, 16] },
  { colourType: 6, channels: 4, depths: [8, 16] },
];

const testPng: fc.Arbitrary<TestPng> = fc
  .record({
    format: fc.constantFrom(...FORMATS),
    depthIndex: fc.nat(),
    width: fc.integer({ min: 1, max: 19 }),
    height: fc.integer({ min: 1, max: 19 }),
    interlace: fc.boolean(),
    filters: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }),
    seed: fc.nat(),
  })
  .map(({ format, depthIndex, width, height, interlace, filters, seed }) => {
    const depth = format.depths[depthIndex % format.depths.length];
    const max = format.colourType === 3 ? Math.min(2 ** depth, 4) - 1 : 2 ** depth - 1;
    let state = seed;
    const samples = Array.from({ length: width * height * format.channels }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % (max + 1);
    });
    const palette =
      format.colourType === 3
        ? [
            [0, 0, 0],
            [255, 0, 0],
            [0, 255, 0],
            [9, 9, 9],
          ]
        : undefined;
    return {
      width,
      height,
      depth,
      colourType: format.colourType,
      channels: format.channels,
      samples,
      interlace,
      filters,
      palette,
    };
  });

describe('decodePngSamples', () => {
  it('decodes every colour type, bit depth, filter and interlacing to the samples written', () => {
    fc.assert(
      fc.property(testPng, (png) => {
        const decoded = decodePngSamples(writeTestPng(png));
        expect(decoded.header).toMatchObject({ width: png.width, height: png.height, bitDepth: png.depth });
        expect(decoded.samples).toBeInstanceOf(png.depth === 16 ? Uint16Array : Uint8Array);
        expect(Array.from(decoded.samples)).toEqual(png.samples);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('reads the palette, with tRNS alpha appended', () => {
    const png: TestPng = {
      width: 2,
      height: 1,
      depth: 8,
      colourType: 3,
      channels: 1,
      samples: [1, 0],
      interlace: false,
      filters: [0],
      palette: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    };
    const decoded = decodePngSamples(writeTestPng(png, [pngChunk('tRNS', Uint8Array.from([7]))]));
    expect(decoded.palette).toEqual([
      [1, 2, 3, 7],
      [4, 5, 6, 255],
    ]);
  });

  it('refuses a header claiming more pixels than the cap, before inflating anything', () => {
    const bytes = Buffer.concat([
      PNG_SIGNATURE,
      ihdr(100_000, 100_000, 8, 0),
      pngChunk('IDAT', deflateSync(new Uint8Array(100))),
      pngChunk('IEND', new Uint8Array(0)),
    ]);
    expect(imagingOutcome(() => decodePngSamples(bytes))).toBe('IMAGE_TOO_LARGE');
  });

  it('stops inflating a decompression bomb at the size its header declares', () => {
    // 64 MB of zeros in ~64 kB, behind a header for a 100 × 100 image.
    const bomb = Buffer.concat([
      PNG_SIGNATURE,
      ihdr(100, 100, 8, 0),
      pngChunk('IDAT', deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 })),
      pngChunk('IEND', new Uint8Array(0)),
    ]);
    expect(() => decodePngSamples(bomb)).toThrow(/inflates beyond the 10100 bytes/);
  });

  it('never inflates ancillary chunks (an ICC-profile bomb is skipped unread)', () => {
    const png: TestPng = {
      width: 3,
      height: 2,
      depth: 8,
      colourType: 0,
      channels: 1,
      samples: [1, 2, 3, 4, 5, 6],
      interlace: false,
      filters: [4],
    };
    const iccBomb = Buffer.concat([Buffer.from('bomb\0\0'), deflateSync(new Uint8Array(32 * 1024 * 1024))]);
    expect(Array.from(decodePngSamples(writeTestPng(png, [pngChunk('iCCP', iccBomb)])).samples)).toEqual(
      png.samples,
    );
  });

  it('refuses empty, short and mis-sized image data and invalid headers with BAD_PNG', () => {
    const header = (w: number, h: number, depth = 8, colour = 0) =>
      Buffer.concat([PNG_SIGNATURE, ihdr(w, h, depth, colour)]);
    const end = pngChunk('IEND', new Uint8Array(0));
    const idat = (n: number) => pngChunk('IDAT', deflateSync(new Uint8Array(n)));
    expect(imagingOutcome(() => decodePngSamples(Buffer.concat([header(0, 0), idat(1), end])))).toBe(
      'BAD_PNG',
    );
    expect(imagingOutcome(() => decodePngSamples(Buffer.concat([header(4, 4), idat(19), end])))).toBe(
      'BAD_PNG',
    );
    expect(imagingOutcome(() => decodePngSamples(Buffer.concat([header(4, 4), idat(21), end])))).toBe(
      'BAD_PNG',
    );
    expect(imagingOutcome(() => decodePngSamples(Buffer.concat([header(4, 4), end])))).toBe('BAD_PNG');
    expect(imagingOutcome(() => decodePngSamples(Buffer.concat([header(4, 4, 16, 3), idat(20), end])))).toBe(
      'BAD_PNG',
    );
    expect(imagingOutcome(() => decodePngSamples(Buffer.concat([header(4, 4, 8, 3), idat(20), end])))).toBe(
      'BAD_PNG',
    );
    expect(imagingOutcome(() => decodePngSamples(Buffer.concat([header(4, 4), idat(20), end])))).toBe('ok');
  });

  it('answers damaged files (truncated, overwritten, absurd chunk lengths) with an ImagingError or an image', () => {
    const source = writeTestPng({
      width: 17,
      height: 9,
      depth: 16,
      colourType: 0,
      channels: 1,
      samples: Array.from({ length: 153 }, (_, i) => i * 397),
      interlace: true,
      filters: [0, 1, 2, 3, 4],
    });
    const mutation = fc.oneof(
      truncateOrOverwrite(source.length, 6),
      fc
        .tuple(
          fc.nat({ max: source.length - 4 }),
          fc.constantFrom(0xffffffff, 0x7fffffff, 0xfffffff0, 100_000),
        )
        .map(([at, value]) => (b: Buffer) => {
          b.writeUInt32BE(value, at);
          return b;
        }),
    );
    fc.assert(
      fc.property(mutation, (mutate) => {
        const outcome = imagingOutcome(() => decodePngSamples(mutate(Buffer.from(source))));
        expect(['ok', 'BAD_PNG', 'IMAGE_TOO_LARGE']).toContain(outcome);
      }),
      { numRuns: 400, seed: 5 },
    );
  });
});
