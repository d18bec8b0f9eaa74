import { openDicom, type ReadDicomOptions } from './dicom-dataset.js';
import { toDicomImage, type DicomImage } from './dicom-image.js';
import { nativePixelData } from './dicom-pixel-data.js';
import { decodePixels, pixelAttributesOf } from './dicom-pixels.js';
import { READABLE_TRANSFER_SYNTAXES } from './dicom-uids.js';

export type { DicomImage } from './dicom-image.js';
export type { ReadDicomOptions } from './dicom-dataset.js';

/**
 * Reads an uncompressed little-endian DICOM image (explicit, implicit or deflated), as a Part 10
 * file or a bare dataset. Compressed transfer syntaxes throw UNSUPPORTED_TRANSFER_SYNTAX: their
 * codecs load asynchronously, so `readDicomAsync` reads those.
 */
export function readDicom(bytes: Uint8Array, options: ReadDicomOptions = {}): DicomImage {
  const opened = openDicom(bytes, options, {
    accepted: READABLE_TRANSFER_SYNTAXES,
    acceptedInWords:
      'readDicom reads only uncompressed little endian; readDicomAsync decodes compressed data',
    truncatedCode: 'BAD_DICOM',
  });
  const module = { ...pixelAttributesOf(opened.attributes), data: nativePixelData(opened) };
  return toDicomImage(opened.attributes, opened.transferSyntaxUid, module, decodePixels(module));
}
