import { ImagingError } from './errors.js';
import type { DicomImage } from './dicom-image.js';
import { readDicom } from './dicom-read.js';
import { readDicomAsync } from './dicom-read-async.js';
import { hasPart10Header, sniffBareDataset } from './dicom-meta.js';
import { decodeJpeg } from './jpeg.js';
import { decodeGreyPng } from './png.js';

export type RadiographFormat = 'dicom' | 'png' | 'jpeg';

/** Any accepted image file as grey values with bone bright, plus what its format tells us. */
export interface Radiograph {
  format: RadiographFormat;
  width: number;
  height: number;
  pixels: Uint16Array;
  bitDepth: number;
  /** The file's VOI window (DICOM), in pixel units. */
  window?: { centre: number; width: number };
  /** [row, col] mm; null when the file does not say (PNG/JPEG, or DICOM without spacing). */
  pixelSpacingMm: [number, number] | null;
  /** Present for DICOM input. */
  dicom?: DicomImage;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

export function sniffFormat(bytes: Uint8Array): RadiographFormat | undefined {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (hasPart10Header(bytes) || sniffBareDataset(bytes)) return 'dicom';
  return undefined;
}

/**
 * Decodes DICOM, PNG or JPEG by content (not by file name); unknown content is NOT_AN_IMAGE. DICOM
 * must be uncompressed here; `decodeRadiographAsync` also decodes compressed transfer syntaxes.
 */
export function decodeRadiograph(bytes: Uint8Array): Radiograph {
  const format = sniffFormat(bytes);
  if (format === 'dicom') return fromDicom(readDicom(bytes));
  return decodeOther(bytes, format);
}

/** `decodeRadiograph` for every DICOM transfer syntax `readDicomAsync` reads, compressed ones included. */
export async function decodeRadiographAsync(bytes: Uint8Array): Promise<Radiograph> {
  const format = sniffFormat(bytes);
  if (format === 'dicom') return fromDicom(await readDicomAsync(bytes));
  return decodeOther(bytes, format);
}

function fromDicom(dicom: DicomImage): Radiograph {
  return {
    format: 'dicom',
    width: dicom.width,
    height: dicom.height,
    pixels: dicom.pixels,
    bitDepth: dicom.bitsStored,
    ...(dicom.windowCenter !== undefined && dicom.windowWidth !== undefined && dicom.windowWidth > 0
      ? { window: { centre: dicom.windowCenter, width: dicom.windowWidth } }
      : {}),
    pixelSpacingMm: dicom.pixelSpacingMm,
    dicom,
  };
}

function decodeOther(bytes: Uint8Array, format: RadiographFormat | undefined): Radiograph {
  if (format === 'png') {
    const png = decodeGreyPng(bytes);
    return { format, ...png, pixelSpacingMm: null };
  }
  if (format === 'jpeg') return decodeJpeg(bytes);
  throw new ImagingError('NOT_AN_IMAGE', 'not a DICOM, PNG or JPEG file (unrecognised content)');
}
