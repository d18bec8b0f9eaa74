import { describe, expect, it } from 'vitest';
import {
  FILM_HEIGHT,
  FILM_WIDTH,
  bareDataset,
  dcmtk,
  dxFilm,
  filmPixels,
  modify,
  multiFrame,
  replaceCodestream,
  transcode,
} from './compressed.fixtures.js';
import { readDicom } from './dicom-read.js';
import { readDicomAsync } from './dicom-read-async.js';
import { writeDxDicom } from './dicom-write.js';
import { TRANSFER_SYNTAX } from './dicom-uids.js';
import { ImagingError, type ImagingErrorCode } from './errors.js';
import { decodeRadiographAsync } from './radiograph.js';

const source = writeDxDicom(dxFilm());
const original = readDicom(source);

async function codeOf(attempt: Promise<unknown>): Promise<ImagingErrorCode | undefined> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof ImagingError) return error.code;
    throw error;
  }
  return undefined;
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const mean = (x: ArrayLike<number>) => Array.from(x).reduce((sum, v) => sum + v, 0) / n;
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

const lossless: [string, string, () => Promise<Uint8Array> | Uint8Array][] = [
  [
    'implicit VR little endian',
    TRANSFER_SYNTAX.implicitLittleEndian,
    () => dcmtk('dcmconv', ['+ti'], source),
  ],
  ['JPEG lossless SV1', TRANSFER_SYNTAX.jpegLosslessSv1, () => dcmtk('dcmcjpeg', ['+e1'], source)],
  [
    'JPEG lossless, predictor 6',
    TRANSFER_SYNTAX.jpegLossless,
    () => dcmtk('dcmcjpeg', ['+el', '+sv', '6'], source),
  ],
  ['JPEG-LS lossless', TRANSFER_SYNTAX.jpegLsLossless, () => dcmtk('dcmcjpls', ['+el'], source)],
  ['RLE lossless', TRANSFER_SYNTAX.rleLossless, () => dcmtk('dcmcrle', [], source)],
  [
    'JPEG 2000 lossless',
    TRANSFER_SYNTAX.jpeg2000Lossless,
    () => transcode(source, TRANSFER_SYNTAX.jpeg2000Lossless),
  ],
  ['HTJ2K lossless', TRANSFER_SYNTAX.htj2kLossless, () => transcode(source, TRANSFER_SYNTAX.htj2kLossless)],
];

describe('readDicomAsync decodes every accepted transfer syntax', () => {
  it.each(lossless)('%s: exactly the original pixels and attributes', async (_name, syntax, make) => {
    const image = await readDicomAsync(await make());
    expect(image.transferSyntaxUid).toBe(syntax);
    expect(image.pixels).toEqual(original.pixels);
    const { pixels: _p, transferSyntaxUid: _t, ...attributes } = original;
    expect(image).toMatchObject(attributes);
  });

  it('JPEG-LS near-lossless stays within its maximum deviation', async () => {
    const image = await readDicomAsync(dcmtk('dcmcjpls', ['+en', '+md', '3'], source));
    expect(image.transferSyntaxUid).toBe(TRANSFER_SYNTAX.jpegLsNearLossless);
    expect(maxDifference(image.pixels, original.pixels)).toBeLessThanOrEqual(3);
  });

  it('JPEG extended (12-bit lossy) and JPEG 2000 lossy stay close to the original', async () => {
    const extended = await readDicomAsync(dcmtk('dcmcjpeg', ['+ee', '+q', '95'], source));
    const j2k = await readDicomAsync(await transcode(source, TRANSFER_SYNTAX.jpeg2000, { rate: 8 }));
    expect(extended.transferSyntaxUid).toBe(TRANSFER_SYNTAX.jpegExtended);
    expect(j2k.transferSyntaxUid).toBe(TRANSFER_SYNTAX.jpeg2000);
    for (const image of [extended, j2k]) {
      expect(image.bitsStored).toBe(12);
      expect(correlation(image.pixels, original.pixels)).toBeGreaterThan(0.99);
      expect(image.pixels).not.toEqual(original.pixels);
    }
  });

  it('JPEG baseline: 8 bits that follow the original', async () => {
    const image = await readDicomAsync(dcmtk('dcmcjpeg', ['+eb'], source));
    expect(image.transferSyntaxUid).toBe(TRANSFER_SYNTAX.jpegBaseline);
    expect(image.bitsStored).toBe(8);
    expect(Math.max(...image.pixels)).toBeLessThan(256);
    expect(correlation(image.pixels, original.pixels)).toBeGreaterThan(0.99);
  });

  it('keeps the invariants: MONOCHROME1 inverted, signed data shifted', async () => {
    const mono1 = modify(source, ['-m', '(0028,0004)=MONOCHROME1']);
    const signed = modify(source, ['-m', '(0028,0103)=1']);
    const mono1Jls = await readDicomAsync(dcmtk('dcmcjpls', ['+el'], mono1));
    const signedJpeg = await readDicomAsync(dcmtk('dcmcjpeg', ['+e1'], signed));
    expect(mono1Jls.photometricInterpretation).toBe('MONOCHROME1');
    expect(mono1Jls.pixels).toEqual(readDicom(mono1).pixels);
    expect(mono1Jls.pixels[0]).toBe(4095 - original.pixels[0]);
    expect(signedJpeg.pixels).toEqual(readDicom(signed).pixels);
    expect(signedJpeg.pixels).not.toEqual(original.pixels);
  });

  it('takes the first frame of multi-frame data, however the fragments are laid out', async () => {
    const frames = [filmPixels(2), filmPixels(3)];
    const twoFrames = multiFrame(source, frames);
    const layouts = [
      dcmtk('dcmcjpeg', ['+e1'], twoFrames), // offset table, one fragment per frame
      dcmtk('dcmcjpeg', ['+e1', '-ot'], twoFrames), // no offset table, one fragment per frame
      dcmtk('dcmcjpeg', ['+e1', '-ot', '+fs', '4'], twoFrames), // no offset table, 4 KB fragments
      dcmtk('dcmcjpeg', ['+e1', '+fs', '4'], twoFrames), // offset table, 4 KB fragments
      dcmtk('dcmcrle', [], twoFrames),
      dcmtk('dcmcjpls', ['+el', '-ot'], twoFrames),
    ];
    for (const file of layouts) {
      const image = await readDicomAsync(file);
      expect(image.numberOfFrames).toBe(2);
      expect(image.pixels).toEqual(frames[0]);
    }
  });

  it('reads a compressed bare data set given its transfer syntax, as a C-STORE SCP receives it', async () => {
    const bare = bareDataset(dcmtk('dcmcjpls', ['+el'], source));
    const image = await readDicomAsync(bare, { transferSyntaxUid: TRANSFER_SYNTAX.jpegLsLossless });
    expect(image.pixels).toEqual(original.pixels);
    expect(image.sopInstanceUid).toBe(original.sopInstanceUid);
  });

  it('decodeRadiographAsync decodes compressed DICOM; decodeRadiograph still refuses it', async () => {
    const rle = dcmtk('dcmcrle', [], source);
    const radiograph = await decodeRadiographAsync(rle);
    expect(radiograph).toMatchObject({
      format: 'dicom',
      width: FILM_WIDTH,
      height: FILM_HEIGHT,
      bitDepth: 12,
    });
    expect(radiograph.pixels).toEqual(original.pixels);
    expect(() => readDicom(rle)).toThrow(/readDicomAsync/);
  });
});

describe('readDicomAsync refuses corrupt compressed data with a clear code', () => {
  const compressed = {
    jpeg: dcmtk('dcmcjpeg', ['+e1'], source),
    jpegLs: dcmtk('dcmcjpls', ['+el'], source),
    rle: dcmtk('dcmcrle', [], source),
  };

  it('BAD_DICOM for a file cut short inside its pixel data', async () => {
    for (const file of Object.values(compressed)) {
      expect(await codeOf(readDicomAsync(file.subarray(0, file.length - 1000)))).toBe('BAD_DICOM');
    }
  });

  it('CORRUPT_PIXEL_DATA for a codestream cut in half inside a well-formed file', async () => {
    const j2k = await transcode(source, TRANSFER_SYNTAX.jpeg2000Lossless);
    const htj2k = await transcode(source, TRANSFER_SYNTAX.htj2kLossless);
    for (const file of [...Object.values(compressed), j2k, htj2k]) {
      const half = replaceCodestream(file, (codestream) => codestream.subarray(0, codestream.length >> 1));
      const error = await readDicomAsync(half).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImagingError);
      expect((error as ImagingError).code).toBe('CORRUPT_PIXEL_DATA');
      expect((error as ImagingError).message).toMatch(/truncated|RLE/);
    }
  });

  it('CORRUPT_PIXEL_DATA for bytes that are no codestream at all', async () => {
    const noise = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251);
    for (const file of Object.values(compressed)) {
      expect(await codeOf(readDicomAsync(replaceCodestream(file, () => noise)))).toBe('CORRUPT_PIXEL_DATA');
    }
  });

  it('CORRUPT_PIXEL_DATA when the header and the codestream disagree on the size', async () => {
    for (const file of [compressed.jpeg, compressed.jpegLs]) {
      const error = await readDicomAsync(modify(file, ['-m', '(0028,0010)=200'])).catch((e: unknown) => e);
      expect((error as ImagingError).code).toBe('CORRUPT_PIXEL_DATA');
      expect((error as ImagingError).message).toContain(`${FILM_WIDTH}×${FILM_HEIGHT}`);
    }
  });

  it('CORRUPT_PIXEL_DATA when a decoder fails inside its codestream, and decodes well afterwards', async () => {
    for (const file of [compressed.jpeg, compressed.jpegLs, compressed.rle]) {
      const scrambled = replaceCodestream(file, (codestream) => {
        const copy = codestream.slice();
        for (let i = 400; i < copy.length - 400; i += 61) copy[i] ^= 0x5a;
        return copy;
      });
      expect(await codeOf(readDicomAsync(scrambled))).toBe('CORRUPT_PIXEL_DATA');
      expect((await readDicomAsync(file)).pixels).toEqual(original.pixels);
    }
  });

  it('UNSUPPORTED_TRANSFER_SYNTAX for big endian, naming it', async () => {
    const bigEndian = dcmtk('dcmconv', ['+tb'], source);
    await expect(readDicomAsync(bigEndian)).rejects.toThrow(
      /1\.2\.840\.10008\.1\.2\.2 \(Explicit VR Big Endian/,
    );
    expect(await codeOf(readDicomAsync(bigEndian))).toBe('UNSUPPORTED_TRANSFER_SYNTAX');
  });

  it('UNSUPPORTED_PHOTOMETRIC before decoding colour', async () => {
    const colour = modify(compressed.jpegLs, ['-m', '(0028,0004)=RGB', '-m', '(0028,0002)=3']);
    expect(await codeOf(readDicomAsync(colour))).toBe('UNSUPPORTED_PHOTOMETRIC');
  });
});
