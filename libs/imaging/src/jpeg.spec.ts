// Standalone JPEG files: decoded to grey, and hostile ones (a frame header claiming a huge image over
// a few bytes of data, no size, damage anywhere) refused with an ImagingError before jpeg-js
// allocates for the size they claim.
import fc from 'fast-check';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { imagingOutcome, truncateOrOverwrite } from './damage.fixtures.js';
import { decodeJpeg, MAX_JPEG_PIXELS } from './jpeg.js';

function rgbaJpeg(width: number, height: number, grey: (x: number, y: number) => number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      data.fill(grey(x, y), o, o + 3);
      data[o + 3] = 255;
    }
  return jpeg.encode({ data, width, height }, 90).data;
}

/** The same file with its SOF0 frame header claiming another size. */
function claiming(bytes: Uint8Array, width: number, height: number): Uint8Array {
  const out = Buffer.from(bytes);
  for (let i = 2; i + 9 < out.length;) {
    if (out[i + 1] === 0xc0) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
    i += 2 + out.readUInt16BE(i + 2);
  }
  throw new Error('no SOF0');
}

const source = rgbaJpeg(40, 24, (x, y) => (x * 5 + y * 3) % 256);

describe('decodeJpeg', () => {
  it('decodes to grey values close to those encoded', () => {
    const image = decodeJpeg(source);
    expect(image).toMatchObject({ format: 'jpeg', width: 40, height: 24, bitDepth: 8 });
    expect(Math.abs(image.pixels[5 * 40 + 7] - ((7 * 5 + 5 * 3) % 256))).toBeLessThanOrEqual(8);
  });

  it('refuses a header claiming a huge image over a few hundred bytes, without decoding it', () => {
    const bomb = claiming(source, 8000, 4000);
    expect(imagingOutcome(() => decodeJpeg(bomb))).toBe('BAD_JPEG');
    expect(() => decodeJpeg(bomb)).toThrow(/needs at least 62500 bytes/);
    expect(imagingOutcome(() => decodeJpeg(claiming(source, 65535, 65535)))).toBe('IMAGE_TOO_LARGE');
    expect(65535 * 65535).toBeGreaterThan(MAX_JPEG_PIXELS);
    expect(imagingOutcome(() => decodeJpeg(claiming(source, 0, 0)))).toBe('BAD_JPEG');
  });

  it('answers damaged files with an ImagingError or an image, never another error', () => {
    const mutation = truncateOrOverwrite(source.length, 6);

    fc.assert(
      fc.property(mutation, (mutate) => {
        expect(['ok', 'BAD_JPEG', 'IMAGE_TOO_LARGE']).toContain(
          imagingOutcome(() => decodeJpeg(mutate(Buffer.from(source)))),
        );
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});
