import { encode } from 'fast-png';
import { assertImageSize } from './errors.js';
import { decodePngSamples } from './png-decode.js';

export interface DecodedPngImage {
  width: number;
  height: number;
  /** Samples per pixel as stored: 1 grey (or palette index), 2 grey+alpha, 3 RGB, 4 RGBA. */
  channels: number;
  bitDepth: number;
  /** Samples as stored; bit depths below 8 are unpacked to one sample per element. */
  data: Uint8Array | Uint16Array;
  /** Palette entries [r, g, b(, a)] of an indexed PNG. */
  palette?: number[][];
}

export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint16Array;
  /** Bit depth of the grey values: that of the file (1…16). */
  bitDepth: number;
}

export function encodePng16(pixels: Uint16Array, width: number, height: number): Uint8Array {
  assertImageSize('encodePng16', pixels.length, width, height);
  return encode({ width, height, data: pixels, depth: 16, channels: 1 });
}

/** 8-bit grey: binary masks written as 0/255 and the level map written with raw codes. */
export function encodePng8(pixels: Uint8Array, width: number, height: number): Uint8Array {
  assertImageSize('encodePng8', pixels.length, width, height);
  return encode({ width, height, data: pixels, depth: 8, channels: 1 });
}

export function encodePngRgb(rgb: Uint8Array, width: number, height: number): Uint8Array {
  assertImageSize('encodePngRgb', rgb.length, width, height, 3);
  return encode({ width, height, data: rgb, depth: 8, channels: 3 });
}

/**
 * Decodes any PNG (every colour type, bit depth and interlacing) with its decompression bounded by
 * its declared, capped size (see `decodePngSamples`).
 */
export function decodePng(bytes: Uint8Array): DecodedPngImage {
  const { header, palette, samples } = decodePngSamples(bytes);
  return {
    width: header.width,
    height: header.height,
    channels: header.channels,
    bitDepth: header.bitDepth,
    data: samples,
    ...(palette ? { palette } : {}),
  };
}

/**
 * Any PNG as grey values: RGB(A) and palette images become luma (Rec. 601 weights), alpha is
 * ignored, so ordinary screenshots and exports of radiographs are accepted.
 */
export function decodeGreyPng(bytes: Uint8Array): GreyImage {
  const png = decodePng(bytes);
  const { width, height, channels, data } = png;
  // 16-bit grey (the usual radiograph export) is already what is wanted: no copy of a large image.
  if (channels === 1 && data instanceof Uint16Array) return { width, height, pixels: data, bitDepth: 16 };
  const count = width * height;
  const pixels = new Uint16Array(count);
  if (png.palette) {
    const palette = png.palette;
    for (let i = 0; i < count; i++) {
      const entry = palette[data[i]] ?? [0, 0, 0];
      pixels[i] = luma(entry[0], entry[1], entry[2]);
    }
    return { width, height, pixels, bitDepth: 8 };
  }
  if (channels <= 2) {
    for (let i = 0; i < count; i++) pixels[i] = data[i * channels];
  } else {
    for (let i = 0; i < count; i++) {
      const o = i * channels;
      pixels[i] = luma(data[o], data[o + 1], data[o + 2]);
    }
  }
  return { width, height, pixels, bitDepth: png.bitDepth };
}

/** A binary mask from a PNG: any non-zero colour (alpha ignored) is 1. */
export function decodeMaskPng(bytes: Uint8Array): { width: number; height: number; mask: Uint8Array } {
  const png = decodePng(bytes);
  const { width, height, channels, data } = png;
  const count = width * height;
  const mask = new Uint8Array(count);
  const colourChannels = png.palette ? 1 : channels === 2 || channels === 4 ? channels - 1 : channels;
  for (let i = 0; i < count; i++) {
    if (png.palette) {
      const entry = png.palette[data[i]] ?? [0, 0, 0];
      mask[i] = entry[0] || entry[1] || entry[2] ? 1 : 0;
      continue;
    }
    const o = i * channels;
    let on = 0;
    for (let c = 0; c < colourChannels; c++) if (data[o + c] !== 0) on = 1;
    mask[i] = on;
  }
  return { width, height, mask };
}

function luma(r: number, g: number, b: number): number {
  return Math.round(0.299 * r + 0.587 * g + 0.114 * b);
}
