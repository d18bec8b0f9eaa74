import { describe, expect, it } from 'vitest';
import { encode } from 'fast-png';
import { ImagingError } from './errors.js';
import { decodeGreyPng, decodeMaskPng, decodePng, encodePng16, encodePng8, encodePngRgb } from './png.js';

function ramp16(width: number, height: number): Uint16Array {
  const pixels = new Uint16Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) % 65536;
  pixels[0] = 0;
  pixels[pixels.length - 1] = 65535;
  return pixels;
}

describe('16-bit grey PNG', () => {
  it('round-trips every value exactly, odd sizes included', () => {
    const pixels = ramp16(37, 23);
    const png = encodePng16(pixels, 37, 23);
    const decoded = decodePng(png);
    expect(decoded).toMatchObject({ width: 37, height: 23, channels: 1, bitDepth: 16 });
    expect(decoded.data).toBeInstanceOf(Uint16Array);
    expect(Array.from(decoded.data)).toEqual(Array.from(pixels));
    const grey = decodeGreyPng(png);
    expect(grey.bitDepth).toBe(16);
    expect(Array.from(grey.pixels)).toEqual(Array.from(pixels));
  });

  it('refuses pixels that do not match the size', () => {
    expect(() => encodePng16(new Uint16Array(10), 3, 3)).toThrow(ImagingError);
    expect(() => encodePng16(new Uint16Array(0), 0, 0)).toThrow(/positive integers/);
  });
});

describe('8-bit grey PNG', () => {
  it('keeps level-map codes exactly', () => {
    const codes = Uint8Array.from({ length: 6 * 4 }, (_, i) => i % 13);
    const decoded = decodeGreyPng(encodePng8(codes, 6, 4));
    expect(decoded.bitDepth).toBe(8);
    expect(Array.from(decoded.pixels)).toEqual(Array.from(codes));
  });
});

describe('mask PNG', () => {
  it('reads 0/255 masks as 0/1', () => {
    const mask = Uint8Array.from([0, 255, 255, 0, 0, 255]);
    expect(Array.from(decodeMaskPng(encodePng8(mask, 3, 2)).mask)).toEqual([0, 1, 1, 0, 0, 1]);
  });

  it('treats any non-zero colour of an RGB mask as 1', () => {
    const rgb = Uint8Array.from([0, 0, 0, 0, 0, 9, 200, 0, 0, 0, 0, 0]);
    expect(Array.from(decodeMaskPng(encodePngRgb(rgb, 2, 2)).mask)).toEqual([0, 1, 1, 0]);
  });

  it('ignores alpha when deciding', () => {
    const ga = Uint8Array.from([0, 255, 255, 0]); // [grey 0, alpha 255], [grey 255, alpha 0]
    const png = encode({ width: 2, height: 1, data: ga, depth: 8, channels: 2 });
    expect(Array.from(decodeMaskPng(png).mask)).toEqual([0, 1]);
  });
});

describe('ordinary PNGs decoded to grey', () => {
  it('converts RGB to luma', () => {
    const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 100, 100, 100]);
    const png = encodePngRgb(rgb, 4, 1);
    expect(decodePng(png)).toMatchObject({ channels: 3, bitDepth: 8 });
    const grey = decodeGreyPng(png);
    expect(grey.bitDepth).toBe(8);
    expect(Array.from(grey.pixels)).toEqual([76, 150, 29, 100]);
  });

  it('converts RGBA (ignoring alpha) and 16-bit RGB', () => {
    const rgba = Uint8Array.from([10, 10, 10, 0, 200, 200, 200, 255]);
    expect(
      Array.from(decodeGreyPng(encode({ width: 2, height: 1, data: rgba, depth: 8, channels: 4 })).pixels),
    ).toEqual([10, 200]);
    const rgb16 = Uint16Array.from([1000, 1000, 1000, 65535, 65535, 65535]);
    const grey16 = decodeGreyPng(encode({ width: 2, height: 1, data: rgb16, depth: 16, channels: 3 }));
    expect(grey16.bitDepth).toBe(16);
    expect(Array.from(grey16.pixels)).toEqual([1000, 65535]);
  });

  it('looks palette indices up in the palette', () => {
    const palette = [
      [0, 0, 0],
      [255, 255, 255],
      [255, 0, 0],
    ];
    const indices = Uint8Array.from([2, 1, 0, 1]);
    const png = encode({ width: 2, height: 2, data: indices, depth: 8, channels: 1, palette });
    expect(Array.from(decodeGreyPng(png).pixels)).toEqual([76, 255, 0, 255]);
    expect(Array.from(decodeMaskPng(png).mask)).toEqual([1, 1, 0, 1]);
  });

  it('unpacks 1-bit grey rows padded to whole bytes', () => {
    // 10 pixels wide: two bytes per row, the last 6 bits padding.
    const packed = Uint8Array.from([0b10100000, 0b01000000, 0b00000000, 0b11000000]);
    const png = encode({ width: 10, height: 2, data: packed, depth: 1, channels: 1 });
    const grey = decodeGreyPng(png);
    expect(grey.bitDepth).toBe(1);
    expect(Array.from(grey.pixels)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });
});

describe('bad input', () => {
  it('throws BAD_PNG for bytes that are not a PNG', () => {
    const attempt = () => decodePng(new TextEncoder().encode('definitely not a png'));
    expect(attempt).toThrow(ImagingError);
    try {
      attempt();
    } catch (error) {
      expect((error as ImagingError).code).toBe('BAD_PNG');
      expect((error as ImagingError).message).toMatch(/PNG/);
    }
  });
});
