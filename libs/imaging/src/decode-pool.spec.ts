import { afterAll, describe, expect, it } from 'vitest';
import { dcmtk, dxFilm, replaceCodestream, transcode } from './compressed.fixtures.js';
import { createDecodePool } from './decode-pool.js';
import { writeDxDicom } from './dicom-write.js';
import { TRANSFER_SYNTAX } from './dicom-uids.js';
import { ImagingError } from './errors.js';
import { encodePng16 } from './png.js';
import { decodeRadiographAsync } from './radiograph.js';

const source = writeDxDicom(dxFilm());
const pool = createDecodePool({ size: 2 });
afterAll(() => pool.close());

describe('createDecodePool', () => {
  it('decodes compressed and uncompressed DICOM and PNG on worker threads, as decodeRadiographAsync does', async () => {
    const files = [
      source,
      dcmtk('dcmcjpls', ['+el'], source),
      dcmtk('dcmcjpeg', ['+e1'], source),
      dcmtk('dcmcrle', [], source),
      await transcode(source, TRANSFER_SYNTAX.jpeg2000Lossless),
      encodePng16(Uint16Array.from([0, 1, 2, 3, 4, 5, 6, 65535]), 4, 2),
    ];
    const decoded = await Promise.all(files.map((file) => pool.decode(file)));
    for (const [i, radiograph] of decoded.entries()) {
      const expected = await decodeRadiographAsync(files[i]);
      expect(radiograph.pixels).toBeInstanceOf(Uint16Array);
      expect(radiograph).toEqual(expected);
    }
    // The caller keeps its bytes: the pool works on a copy.
    expect(files[1].byteLength).toBeGreaterThan(0);
    expect(decoded[1].dicom?.pixels).toBe(decoded[1].pixels);
  });

  it('rejects with ImagingErrors that keep their codes', async () => {
    const corrupt = replaceCodestream(dcmtk('dcmcjpls', ['+el'], source), (codestream) => {
      const copy = codestream.slice();
      for (let i = 400; i < copy.length - 400; i += 61) copy[i] ^= 0x5a;
      return copy;
    });
    const cases: [Uint8Array, string][] = [
      [new TextEncoder().encode('not an image at all'), 'NOT_AN_IMAGE'],
      [corrupt, 'CORRUPT_PIXEL_DATA'],
      [source.subarray(0, source.length - 10), 'BAD_DICOM'],
      [dcmtk('dcmconv', ['+tb'], source), 'UNSUPPORTED_TRANSFER_SYNTAX'],
    ];
    for (const [bytes, code] of cases) {
      const error = await pool.decode(bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImagingError);
      expect((error as ImagingError).code).toBe(code);
    }
    // Still serving after those failures.
    expect((await pool.decode(source)).width).toBe(dxFilm().width);
  });

  it('refuses work once closed', async () => {
    const closing = createDecodePool({ size: 1 });
    const pending = closing.decode(source);
    await closing.close();
    expect((await pending).format).toBe('dicom');
    const error = await closing.decode(source).catch((e: unknown) => e);
    expect((error as ImagingError).code).toBe('POOL_CLOSED');
  });
});
