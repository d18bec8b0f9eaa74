import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { writeDxDicom } from './dicom-write.js';
import type { DxImage } from './dx-image.js';
import { ImagingError, type ImagingErrorCode } from './errors.js';
import { encodePng16, encodePng8, encodePngRgb } from './png.js';
import { decodeRadiograph, sniffFormat } from './radiograph.js';
import { newUid } from './uid.js';

const WIDTH = 48;
const HEIGHT = 32;

function ramp(max: number): Uint16Array {
  return Uint16Array.from({ length: WIDTH * HEIGHT }, (_, i) =>
    Math.round(((i % WIDTH) / (WIDTH - 1)) * max),
  );
}

function dxImage(overrides: Partial<DxImage> = {}): DxImage {
  return {
    width: WIDTH,
    height: HEIGHT,
    pixels: ramp(4095),
    bitsStored: 12,
    pixelSpacingMm: [0.148, 0.152],
    viewPosition: 'LL',
    bodyPartExamined: 'LSPINE',
    operatorsName: 'Jansen^Eva',
    stationName: 'DR-ROOM-2',
    patientId: 'PAT-0001',
    patientName: 'Phantom^Case^0001',
    studyInstanceUid: newUid(),
    seriesInstanceUid: newUid(),
    sopInstanceUid: newUid(),
    studyDate: '20240517',
    studyTime: '093012',
    windowCenter: 2000,
    windowWidth: 3000,
    ...overrides,
  };
}

/** A grey JPEG of the given values (0…255), as jpeg-js writes it (RGBA in, R = G = B). */
function greyJpeg(values: Uint16Array, quality = 100): Uint8Array {
  const rgba = new Uint8Array(values.length * 4);
  values.forEach((v, i) => rgba.fill(v, 4 * i, 4 * i + 3).fill(255, 4 * i + 3, 4 * i + 4));
  return jpeg.encode({ data: rgba, width: WIDTH, height: HEIGHT }, quality).data;
}

function codeOf(bytes: Uint8Array): ImagingErrorCode | undefined {
  try {
    decodeRadiograph(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImagingError);
    return (error as ImagingError).code;
  }
  return undefined;
}

describe('decodeRadiograph', () => {
  it('reads a 16-bit grey PNG as it is, without spacing or window', () => {
    const pixels = ramp(65535);
    const image = decodeRadiograph(encodePng16(pixels, WIDTH, HEIGHT));
    expect(image).toMatchObject({
      format: 'png',
      width: WIDTH,
      height: HEIGHT,
      bitDepth: 16,
      pixelSpacingMm: null,
    });
    expect(Array.from(image.pixels)).toEqual(Array.from(pixels));
    expect(image.window).toBeUndefined();
    expect(image.dicom).toBeUndefined();
  });

  it('reads an 8-bit grey PNG', () => {
    const pixels = ramp(255);
    const image = decodeRadiograph(encodePng8(Uint8Array.from(pixels), WIDTH, HEIGHT));
    expect(image).toMatchObject({ format: 'png', bitDepth: 8, pixelSpacingMm: null });
    expect(Array.from(image.pixels)).toEqual(Array.from(pixels));
  });

  it('turns a colour PNG into grey values', () => {
    const rgb = new Uint8Array(WIDTH * HEIGHT * 3);
    for (let i = 0; i < WIDTH * HEIGHT; i++) rgb.set([200, 200, 200], 3 * i);
    const image = decodeRadiograph(encodePngRgb(rgb, WIDTH, HEIGHT));
    expect(image.pixels.every((v) => v === 200)).toBe(true);
  });

  it('reads a JPEG as 8-bit grey values close to what was encoded', () => {
    const pixels = ramp(255);
    const image = decodeRadiograph(greyJpeg(pixels));
    expect(image).toMatchObject({
      format: 'jpeg',
      width: WIDTH,
      height: HEIGHT,
      bitDepth: 8,
      pixelSpacingMm: null,
    });
    const worst = pixels.reduce((max, v, i) => Math.max(max, Math.abs(v - image.pixels[i])), 0);
    expect(worst).toBeLessThanOrEqual(4);
  });

  it('reads a DX DICOM with its window, spacing and header', () => {
    const dx = dxImage();
    const image = decodeRadiograph(writeDxDicom(dx));
    expect(image).toMatchObject({
      format: 'dicom',
      width: WIDTH,
      height: HEIGHT,
      bitDepth: 12,
      window: { centre: 2000, width: 3000 },
      pixelSpacingMm: [0.148, 0.152],
    });
    expect(Array.from(image.pixels)).toEqual(Array.from(dx.pixels));
    expect(image.dicom?.viewPosition).toBe('LL');
    expect(image.dicom?.bodyPartExamined).toBe('LSPINE');
  });

  it('recognises the format by content, whatever the bytes are called', () => {
    expect(sniffFormat(encodePng8(new Uint8Array(4), 2, 2))).toBe('png');
    expect(sniffFormat(greyJpeg(ramp(255)))).toBe('jpeg');
    expect(sniffFormat(writeDxDicom(dxImage()))).toBe('dicom');
    expect(sniffFormat(new TextEncoder().encode('%PDF-1.7'))).toBeUndefined();
  });

  it('refuses content that is no image as NOT_AN_IMAGE', () => {
    expect(codeOf(new Uint8Array(0))).toBe('NOT_AN_IMAGE');
    expect(codeOf(new Uint8Array([0xff, 0xd8]))).toBe('NOT_AN_IMAGE');
    expect(codeOf(new TextEncoder().encode('patient list, not an image'))).toBe('NOT_AN_IMAGE');
    expect(codeOf(Uint8Array.from({ length: 4096 }, (_, i) => (i * 97 + 13) % 251))).toBe('NOT_AN_IMAGE');
  });

  it('refuses a truncated JPEG as BAD_JPEG', () => {
    const whole = greyJpeg(ramp(255), 90);
    for (const length of [whole.length - 2, Math.floor(whole.length / 2), 40])
      expect(codeOf(whole.subarray(0, length)), `${length} of ${whole.length} bytes`).toBe('BAD_JPEG');
  });

  it('refuses a truncated PNG as BAD_PNG and a truncated DICOM with a DICOM error', () => {
    const png = encodePng16(ramp(65535), WIDTH, HEIGHT);
    expect(codeOf(png.subarray(0, png.length >> 1))).toBe('BAD_PNG');
    const dicom = writeDxDicom(dxImage());
    expect(codeOf(dicom.subarray(0, dicom.length - 1))).toBe('BAD_DICOM');
    expect(codeOf(dicom.subarray(0, 600))).toBe('BAD_DICOM');
  });
});
