// What ingest refuses while the sender is still connected: sizes no worker could judge, headers that
// lie about their pixels, and images claiming more pixels than could ever be decoded, each with a
// permanent (4xx / C000) code rather than "too large, retry later".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { decodeRadiographAsync, encodePng8 } from '@spineqc/imaging';
import { describe, expect, it } from 'vitest';
import { isApiError } from '../errors/api-error.js';
import { inspectImage, MIN_IMAGE_SIDE } from './inspect-image.js';
import { dxFilm } from './testing/dx-film.js';

const pool = { decode: decodeRadiographAsync, close: async () => undefined };

const dicom = (width: number, height: number) => dxFilm(width, height);

/** dcmtk's dcmodify edits on a copy. */
function modified(bytes: Uint8Array, edits: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'spineqc-inspect-'));
  try {
    writeFileSync(join(dir, 'f.dcm'), bytes);
    execFileSync('dcmodify', ['-nb', ...edits, join(dir, 'f.dcm')], { stdio: 'pipe' });
    return new Uint8Array(readFileSync(join(dir, 'f.dcm')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function refusal(bytes: Uint8Array, expectDicom = false) {
  try {
    await inspectImage(bytes, pool, expectDicom);
  } catch (error) {
    if (isApiError(error)) return { code: error.code, message: error.message, sop: error.sopInstanceUid };
    throw error;
  }
  return undefined;
}

describe('inspectImage on hostile images', () => {
  const film = dicom(64, 48);

  it('accepts a well-formed film', async () => {
    expect(await refusal(film)).toBeUndefined();
  });

  it('refuses images too small to be radiographs, DICOM and PNG alike', async () => {
    expect(await refusal(dicom(1, 1))).toMatchObject({ code: 'CORRUPT_PIXEL_DATA', message: /1×1 pixels/ });
    expect(
      await refusal(encodePng8(new Uint8Array(MIN_IMAGE_SIDE - 1), MIN_IMAGE_SIDE - 1, 1)),
    ).toMatchObject({
      code: 'CORRUPT_PIXEL_DATA',
    });
  });

  it('refuses headers that lie about their pixels, naming the SOP instance', async () => {
    const cases: [string[], RegExp][] = [
      [['-m', '(0028,0010)=0', '-m', '(0028,0011)=0'], /no size/],
      [['-m', '(0028,0100)=0'], /Bits Allocated 0/],
      [['-m', '(0028,0100)=64'], /Bits Allocated 64/],
      [['-m', '(0028,0010)=24'], /the header does not describe these pixels/],
      [['-m', '(0028,0010)=65535', '-m', '(0028,0011)=65535'], /megapixel limit/],
    ];
    for (const [edit, message] of cases) {
      const outcome = await refusal(modified(film, edit));
      expect(outcome, edit.join(' ')).toMatchObject({ code: 'CORRUPT_PIXEL_DATA', message });
      expect(outcome?.sop).toMatch(/^[\d.]+$/);
    }
  });

  it('refuses a PNG claiming 100 000 × 100 000 pixels permanently, not as "too large, retry"', async () => {
    const chunk = (type: string, data: Uint8Array) => {
      const out = Buffer.alloc(12 + data.length);
      out.writeUInt32BE(data.length, 0);
      out.write(type, 4, 'latin1');
      out.set(data, 8);
      return out; // CRCs are not checked
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(100_000, 0);
    header.writeUInt32BE(100_000, 4);
    header[8] = 8;
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(new Uint8Array(1000))),
      chunk('IEND', new Uint8Array(0)),
    ]);
    expect(await refusal(png)).toMatchObject({ code: 'CORRUPT_PIXEL_DATA', message: /megapixel limit/ });
  });
});
