import type { Dataset } from './dicom-dataset.js';
import { num, str } from './dicom-values.js';
import { ImagingError } from './errors.js';

/** Decoded images are capped (pixels) so a hostile header cannot exhaust memory; a DR film is ~10 MP. */
export const MAX_IMAGE_PIXELS = 64e6;

/** Image Pixel module attributes (PS3.3 C.7.6.3) and the raw native pixel bytes. */
export interface PixelModule {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  photometricInterpretation: string;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  pixelRepresentation: number;
  rescaleSlope: number;
  rescaleIntercept: number;
  numberOfFrames: number;
  /** Native (uncompressed) little-endian Pixel Data, the first frame at least. */
  data: Uint8Array;
}

/** The Image Pixel module without its data, as the header declares it. */
export type PixelAttributes = Omit<PixelModule, 'data'>;

export function pixelAttributesOf(ds: Dataset): PixelAttributes {
  const bitsAllocated = num(ds.BitsAllocated) ?? 0;
  const bitsStored = num(ds.BitsStored) ?? bitsAllocated;
  return {
    rows: num(ds.Rows) ?? 0,
    columns: num(ds.Columns) ?? 0,
    samplesPerPixel: num(ds.SamplesPerPixel) ?? 1,
    photometricInterpretation: str(ds.PhotometricInterpretation),
    bitsAllocated,
    bitsStored,
    highBit: num(ds.HighBit) ?? bitsStored - 1,
    pixelRepresentation: num(ds.PixelRepresentation) ?? 0,
    rescaleSlope: num(ds.RescaleSlope) ?? 1,
    rescaleIntercept: num(ds.RescaleIntercept) ?? 0,
    numberOfFrames: Math.max(1, num(ds.NumberOfFrames) ?? 1),
  };
}

/** The attributes that decide whether `decodePixels` can decode an image at all. */
export type PixelFormat = Pick<
  PixelAttributes,
  'rows' | 'columns' | 'samplesPerPixel' | 'bitsAllocated' | 'photometricInterpretation'
>;

/** Throws unless the pixels are a grey image of a size and format `decodePixels` handles. */
export function assertDecodablePixels(module: PixelFormat): void {
  const { rows, columns, bitsAllocated, photometricInterpretation } = module;
  if (!(Number.isInteger(rows) && Number.isInteger(columns) && rows > 0 && columns > 0)) {
    throw new ImagingError('INVALID_IMAGE', `Image has no size: Rows ${rows}, Columns ${columns}`);
  }
  if (rows * columns > MAX_IMAGE_PIXELS) {
    throw new ImagingError(
      'IMAGE_TOO_LARGE',
      `Image of ${columns}×${rows} pixels exceeds the ${MAX_IMAGE_PIXELS / 1e6} megapixel limit`,
    );
  }
  if (
    module.samplesPerPixel !== 1 ||
    (photometricInterpretation !== 'MONOCHROME1' && photometricInterpretation !== 'MONOCHROME2')
  ) {
    throw new ImagingError(
      'UNSUPPORTED_PHOTOMETRIC',
      `Photometric interpretation ${photometricInterpretation || '(none)'} with ${module.samplesPerPixel} ` +
        'samples per pixel is not supported; a radiograph is MONOCHROME1 or MONOCHROME2',
    );
  }
  if (bitsAllocated !== 8 && bitsAllocated !== 16) {
    throw new ImagingError(
      'UNSUPPORTED_PIXEL_FORMAT',
      `Bits Allocated ${bitsAllocated} is not supported (8 or 16)`,
    );
  }
}

export interface DecodedPixels {
  /** First frame, 0 … 2^bitsStored − 1, higher = brighter (MONOCHROME2 sense). */
  pixels: Uint16Array;
  bitsStored: number;
  /** Maps a modality value (after rescale) to the returned pixel scale, e.g. to carry a VOI window over. */
  toOutput: (modalityValue: number) => number;
}

/**
 * Stored values → unsigned grey, bone bright. The rescale (slope, intercept) is affine, so
 * shifting the stored range to start at 0 keeps every contrast; only a negative slope or
 * MONOCHROME1 reverses the scale, and both are undone here.
 */
export function decodePixels(module: PixelModule): DecodedPixels {
  assertDecodablePixels(module);
  const { rows, columns, bitsAllocated } = module;
  const bitsStored = Math.min(Math.max(1, module.bitsStored), bitsAllocated);
  const shift = Math.max(0, Math.min(bitsAllocated - bitsStored, module.highBit + 1 - bitsStored));
  const count = rows * columns;
  const bytesPerSample = bitsAllocated / 8;
  if (module.data.length < count * bytesPerSample) {
    throw new ImagingError(
      'BAD_DICOM',
      `Pixel Data is truncated: ${module.data.length} bytes for ${columns}×${rows} at ${bitsAllocated} bits`,
    );
  }

  const signed = module.pixelRepresentation === 1;
  const storedMask = 2 ** bitsStored - 1;
  const signBit = 2 ** (bitsStored - 1);
  const rawMin = signed ? -signBit : 0;
  const max = storedMask;
  const reversed = module.rescaleSlope < 0 !== (module.photometricInterpretation === 'MONOCHROME1');

  const pixels = new Uint16Array(count);
  const data = module.data;
  for (let i = 0; i < count; i++) {
    const word = bytesPerSample === 2 ? data[2 * i] | (data[2 * i + 1] << 8) : data[i];
    let raw = (word >> shift) & storedMask;
    if (signed && raw & signBit) raw -= 2 * signBit;
    const value = raw - rawMin;
    pixels[i] = reversed ? max - value : value;
  }

  const slope = module.rescaleSlope === 0 ? 1 : module.rescaleSlope;
  const toOutput = (modalityValue: number): number => {
    const value = (modalityValue - module.rescaleIntercept) / slope - rawMin;
    return reversed ? max - value : value;
  };
  return { pixels, bitsStored, toOutput };
}
