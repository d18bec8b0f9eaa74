import { openDicom, type ReadDicomOptions } from './dicom-dataset.js';
import { toDicomImage, type DicomImage } from './dicom-image.js';
import { decodeCompressedPixelData, nativePixelData } from './dicom-pixel-data.js';
import { decodePixels, pixelAttributesOf } from './dicom-pixels.js';
import { COMPRESSED_TRANSFER_SYNTAXES, DECODABLE_TRANSFER_SYNTAXES } from './dicom-uids.js';

/**
 * Reads a DICOM image in any transfer syntax of DECODABLE_TRANSFER_SYNTAXES: uncompressed little
 * endian as `readDicom` does, and JPEG (baseline, extended, lossless), JPEG-LS, JPEG 2000, HTJ2K and
 * RLE through the dcmjs-codecs WebAssembly decoders (first frame only). The result keeps
 * `readDicom`'s invariants (bone bright, MONOCHROME1 inverted, …). Corrupt compressed data is
 * CORRUPT_PIXEL_DATA; a file cut short is BAD_DICOM, as for `readDicom`.
 */
export async function readDicomAsync(bytes: Uint8Array, options: ReadDicomOptions = {}): Promise<DicomImage> {
  const opened = openDicom(bytes, options, {
    accepted: DECODABLE_TRANSFER_SYNTAXES,
    acceptedInWords: 'uncompressed little endian, JPEG, JPEG-LS, JPEG 2000, HTJ2K and RLE are read',
    truncatedCode: 'BAD_DICOM',
  });
  const header = pixelAttributesOf(opened.attributes);
  const codec = COMPRESSED_TRANSFER_SYNTAXES[opened.transferSyntaxUid];
  const data = codec ? await decodeCompressedPixelData(opened, codec, header) : nativePixelData(opened);
  const module = { ...header, data };
  return toDicomImage(opened.attributes, opened.transferSyntaxUid, module, decodePixels(module));
}
