// Hostile DICOM beyond random damage (dicom-fuzz.spec.ts): headers that lie about the pixels, absurd
// element lengths written where lengths are, decompression bombs, and the asynchronous reader (the
// one that decodes compressed data) under the same mutations. Every outcome is an image or an
// ImagingError with a code a receiver can answer with.
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bareDataset,
  dcmtk,
  dxFilm,
  FILM_HEIGHT,
  FILM_WIDTH,
  modify,
  replaceCodestream,
} from './compressed.fixtures.js';
import { MAX_INFLATED_DATASET_BYTES } from './dicom-dataset.js';
import { checkPixelDataComplete, readDicomHeader } from './dicom-header.js';
import { wrapBareDataset } from './dicom-meta.js';
import { readDicomAsync } from './dicom-read-async.js';
import { TRANSFER_SYNTAX } from './dicom-uids.js';
import { writeDxDicom } from './dicom-write.js';
import { imagingOutcomeAsync } from './damage.fixtures.js';

const source = writeDxDicom(dxFilm());
const dataset = bareDataset(source);

/** Header check as ingest runs it: read the header, then check the pixels it declares. */
function inspect(bytes: Uint8Array) {
  return () => checkPixelDataComplete(readDicomHeader(bytes));
}

/** Offsets of the 16-bit (short VR) and 32-bit (long VR) length fields of the top-level explicit-VR elements. */
function lengthFields(bytes: Uint8Array): { at: number; wide: boolean }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields: { at: number; wide: boolean }[] = [];
  for (let offset = 0; offset + 8 <= bytes.length;) {
    const vr = String.fromCharCode(bytes[offset + 4], bytes[offset + 5]);
    const wide = ['OB', 'OW', 'SQ', 'UN', 'UT', 'UC', 'UR', 'OF', 'OD', 'OL', 'OV', 'SV', 'UV'].includes(vr);
    const length = wide ? view.getUint32(offset + 8, true) : view.getUint16(offset + 6, true);
    fields.push({ at: offset + (wide ? 8 : 6), wide });
    offset += (wide ? 12 : 8) + length;
  }
  return fields;
}

describe('DICOM headers that lie about their pixels', () => {
  it('refuses 0×0, absurd sizes and unusable bit depths from the header, before any decoding', async () => {
    const edits: [string[], string][] = [
      [['-m', '(0028,0010)=0', '-m', '(0028,0011)=0'], 'INVALID_IMAGE'],
      [['-m', '(0028,0010)=1'], 'CORRUPT_PIXEL_DATA'], // 1 row of the film's 256: far longer than declared
      [['-m', '(0028,0100)=0'], 'UNSUPPORTED_PIXEL_FORMAT'],
      [['-m', '(0028,0100)=64'], 'UNSUPPORTED_PIXEL_FORMAT'],
      [['-m', '(0028,0002)=3'], 'UNSUPPORTED_PHOTOMETRIC'],
    ];
    for (const [edit, code] of edits)
      expect(await imagingOutcomeAsync(inspect(modify(source, edit))), edit.join(' ')).toBe(code);
  });

  it('refuses 100 000 × 100 000 as too large, whatever Pixel Data holds', async () => {
    const huge = modify(source, ['-m', '(0028,0010)=65535', '-m', '(0028,0011)=65535']);
    expect(await imagingOutcomeAsync(inspect(huge))).toBe('IMAGE_TOO_LARGE');
    expect(await imagingOutcomeAsync(() => readDicomAsync(huge))).toBe('IMAGE_TOO_LARGE');
  });

  it('accepts exactly the declared size, and one pad byte to an even length', async () => {
    expect(await imagingOutcomeAsync(inspect(source))).toBe('ok');
    const odd = modify(writeDxDicom(dxFilm({ width: 3, height: 3, pixels: new Uint16Array(9) })), [
      '-m',
      '(0028,0100)=8',
      '-m',
      '(0028,0101)=8',
      '-m',
      '(0028,0102)=7',
    ]);
    // 3×3 at 8 bits is 9 bytes; the 18 bytes written are longer than 9 + 1 pad byte.
    expect(await imagingOutcomeAsync(inspect(odd))).toBe('CORRUPT_PIXEL_DATA');
  });

  it('refuses a compressed frame whose header claims a huge image over a few bytes (JPEG, JPEG-LS, RLE)', async () => {
    const jpeg = dcmtk('dcmcjpeg', ['+e1'], source);
    const jpegBomb = modify(
      replaceCodestream(jpeg, (codestream) => {
        const bytes = Uint8Array.from(codestream);
        for (let i = 2; i + 9 < bytes.length; i += 2 + ((bytes[i + 2] << 8) | bytes[i + 3])) {
          if (bytes[i + 1] >= 0xc0 && bytes[i + 1] <= 0xc3) {
            bytes.set([0x1f, 0x3f, 0x1f, 0x40], i + 5); // 7999 × 8000
            break;
          }
        }
        return bytes;
      }),
      ['-m', '(0028,0010)=7999', '-m', '(0028,0011)=8000'],
    );
    // (Compared by code: a bomb decoded by mistake would be a 64 MB image, too big for a failure message.)
    expect(await imagingOutcomeAsync(() => readDicomAsync(jpegBomb))).toBe('CORRUPT_PIXEL_DATA');
    const jpegLs = dcmtk('dcmcjpls', [], source);
    const jpegLsBomb = modify(
      replaceCodestream(jpegLs, (codestream) => {
        const sof = codestream.findIndex((b, i) => b === 0xff && codestream[i + 1] === 0xf7);
        const sos = codestream.findIndex((b, i) => b === 0xff && codestream[i + 1] === 0xda);
        const header = Uint8Array.from(
          codestream.subarray(0, sos + 2 + ((codestream[sos + 2] << 8) | codestream[sos + 3])),
        );
        header.set([0x1f, 0x3f, 0x1f, 0x40], sof + 5); // 7999 × 8000
        return Uint8Array.from([...header, ...new Uint8Array(64), 0xff, 0xd9]); // 64 bytes for 7999 lines
      }),
      ['-m', '(0028,0010)=7999', '-m', '(0028,0011)=8000'],
    );
    expect(await imagingOutcomeAsync(() => readDicomAsync(jpegLsBomb))).toBe('CORRUPT_PIXEL_DATA');
    await expect(readDicomAsync(jpegLsBomb)).rejects.toThrow(/needs at least 999 bytes of coded data/);
    const rle = dcmtk('dcmcrle', [], source);
    const rleBomb = modify(rle, ['-m', '(0028,0010)=7999', '-m', '(0028,0011)=8000']);
    expect(await imagingOutcomeAsync(() => readDicomAsync(rleBomb))).toBe('CORRUPT_PIXEL_DATA');
    await expect(readDicomAsync(rleBomb)).rejects.toThrow(
      /RLE segment 1 has \d+ bytes; 8000×7999 pixels need at least/,
    );
  });
});

describe('absurd element lengths', () => {
  it('any length written into any element header is read or refused with an ImagingError', async () => {
    const fields = lengthFields(dataset);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fields),
        fc.oneof(
          fc.constantFrom(0, 1, 0xffff, 0xfffe, 0xffffffff, 0xfffffff0, 0x7fffffff),
          fc.nat({ max: 0xffffffff }),
        ),
        fc.boolean(),
        async ({ at, wide }, value, part10) => {
          const bytes = Uint8Array.from(dataset);
          const view = new DataView(bytes.buffer);
          if (wide) view.setUint32(at, value >>> 0, true);
          else view.setUint16(at, value & 0xffff, true);
          const file = part10 ? wrapBareDataset(bytes, TRANSFER_SYNTAX.explicitLittleEndian) : bytes;
          expect(typeof (await imagingOutcomeAsync(inspect(file)))).toBe('string');
          expect(typeof (await imagingOutcomeAsync(async () => void (await readDicomAsync(file))))).toBe(
            'string',
          );
        },
      ),
      { numRuns: 200, seed: 17 },
    );
  });

  it('readDicomAsync answers truncated and overwritten files with an ImagingError or an image', async () => {
    const rle = dcmtk('dcmcrle', [], source);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(source, rle),
        fc.oneof(
          fc.nat().map((at) => (b: Uint8Array) => b.subarray(0, at % b.length)),
          fc
            .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
            .map((writes) => (b: Uint8Array) => {
              for (const [at, value] of writes) b[at % b.length] = value;
              return b;
            }),
        ),
        async (file, mutate) => {
          expect(
            typeof (await imagingOutcomeAsync(() => readDicomAsync(mutate(Uint8Array.from(file))))),
          ).toBe('string');
        },
      ),
      { numRuns: 150, seed: 23 },
    );
  });
});

describe('sequences', () => {
  /** The film's data set with `element` put first (out of tag order, which the readers tolerate). */
  const withElement = (element: Uint8Array) =>
    wrapBareDataset(Buffer.concat([element, dataset]), TRANSFER_SYNTAX.explicitLittleEndian);
  const sq = (length: number) => {
    const head = Buffer.from([0x08, 0x00, 0x15, 0x11, 0x53, 0x51, 0, 0, 0, 0, 0, 0]); // (0008,1115) SQ
    head.writeUInt32LE(length >>> 0, 8);
    return head;
  };
  const item = (length: number) =>
    Buffer.from([0xfe, 0xff, 0x00, 0xe0, ...new Uint8Array(new Uint32Array([length]).buffer)]);
  const itemEnd = Buffer.from([0xfe, 0xff, 0x0d, 0xe0, 0, 0, 0, 0]);
  const sequenceEnd = Buffer.from([0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0]);
  const nested = (depth: number) =>
    Buffer.concat([
      ...Array.from({ length: depth }, () => Buffer.concat([sq(0xffffffff), item(0xffffffff)])),
      ...Array.from({ length: depth }, () => Buffer.concat([itemEnd, sequenceEnd])),
    ]);

  it('reads sequences nested a few levels, and refuses thousands of levels instead of overflowing the stack', async () => {
    expect(await imagingOutcomeAsync(inspect(withElement(nested(8))))).toBe('ok');
    expect(await imagingOutcomeAsync(inspect(withElement(nested(5000))))).toBe('BAD_DICOM');
    expect(() => readDicomHeader(withElement(nested(5000)))).toThrow(/nested more than 64 deep/);
  });

  it('refuses an element whose VR is not two capital letters (dcmjs would misread all that follows)', async () => {
    const bad = Buffer.from([0x10, 0x00, 0x10, 0x00, 0x3f, 0x3f, 4, 0, 0x41, 0x5e, 0x42, 0x20]); // (0010,0010) "??"
    expect(await imagingOutcomeAsync(inspect(withElement(bad)))).toBe('BAD_DICOM');
    expect(() => readDicomHeader(withElement(bad))).toThrow(/no valid VR \("\?\?"\)/);
  });

  it('refuses a defined-length sequence that holds no items', async () => {
    const text = Buffer.from('not a sequence item at all, just text');
    expect(await imagingOutcomeAsync(inspect(withElement(Buffer.concat([sq(text.length), text]))))).toBe(
      'BAD_DICOM',
    );
    const empty = Buffer.concat([sq(8), item(0)]);
    expect(await imagingOutcomeAsync(inspect(withElement(empty)))).toBe('ok');
  });
});

describe('deflated data sets', () => {
  it('reads a well-formed deflated file', async () => {
    const deflated = wrapBareDataset(deflateRawSync(dataset), TRANSFER_SYNTAX.deflatedExplicitLittleEndian);
    const header = readDicomHeader(deflated);
    expect([header.columns, header.rows]).toEqual([FILM_WIDTH, FILM_HEIGHT]);
    expect(await imagingOutcomeAsync(() => readDicomAsync(deflated))).toBe('ok');
  });

  it('stops inflating a decompression bomb at its bound and refuses it as too large', async () => {
    // The film's header, then Pixel Data of undefined-length zeros past the bound, deflated as a stream.
    const header = dataset.subarray(0, dataset.length - FILM_WIDTH * FILM_HEIGHT * 2 - 12);
    const zeros = new Uint8Array(1024 * 1024);
    const stream = createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => stream.on('end', resolve));
    stream.write(header);
    for (let written = 0; written <= MAX_INFLATED_DATASET_BYTES; written += zeros.length) stream.write(zeros);
    stream.end();
    await done;
    const bomb = wrapBareDataset(Buffer.concat(chunks), TRANSFER_SYNTAX.deflatedExplicitLittleEndian);
    expect(bomb.length).toBeLessThan(MAX_INFLATED_DATASET_BYTES / 500);
    expect(await imagingOutcomeAsync(() => readDicomHeader(bomb))).toBe('IMAGE_TOO_LARGE');
  });

  it('refuses a deflated stream cut short or damaged', async () => {
    const deflated = deflateRawSync(dataset);
    const cut = wrapBareDataset(
      deflated.subarray(0, deflated.length >> 1),
      TRANSFER_SYNTAX.deflatedExplicitLittleEndian,
    );
    expect(await imagingOutcomeAsync(() => readDicomHeader(cut))).toBe('TRUNCATED');
    const noise = wrapBareDataset(
      Uint8Array.from({ length: 4000 }, (_, i) => (i * 131) % 256),
      TRANSFER_SYNTAX.deflatedExplicitLittleEndian,
    );
    expect(['BAD_DICOM', 'TRUNCATED']).toContain(await imagingOutcomeAsync(() => readDicomHeader(noise)));
  });
});
