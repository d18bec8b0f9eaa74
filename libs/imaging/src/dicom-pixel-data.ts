import { checkCodestream, startsFrame } from './codestream.js';
import type { OpenedDicom } from './dicom-dataset.js';
import { firstFrame, readFragments } from './dicom-fragments.js';
import { assertDecodablePixels, type PixelAttributes } from './dicom-pixels.js';
import type { CompressionCodec } from './dicom-uids.js';
import { ImagingError } from './errors.js';
import { decodeFrame } from './native-codecs.js';

/** The native (uncompressed) Pixel Data bytes, without copying them. */
export function nativePixelData({ dataset, pixelData }: OpenedDicom): Uint8Array {
  if (!pixelData || pixelData.valueLength === 0) throw noPixelData();
  if (pixelData.encapsulated) {
    throw new ImagingError(
      'BAD_DICOM',
      'Pixel Data is encapsulated (compressed) although the transfer syntax is uncompressed',
    );
  }
  return dataset.subarray(pixelData.valueOffset, pixelData.valueOffset + pixelData.valueLength);
}

/** The first frame of encapsulated Pixel Data, decoded to native little-endian samples. */
export async function decodeCompressedPixelData(
  opened: OpenedDicom,
  codec: CompressionCodec,
  header: PixelAttributes,
): Promise<Uint8Array> {
  const { dataset, pixelData } = opened;
  if (!pixelData || pixelData.valueLength === 0) throw noPixelData();
  if (!pixelData.encapsulated) {
    throw new ImagingError(
      'CORRUPT_PIXEL_DATA',
      `Pixel Data is not encapsulated although transfer syntax ${opened.transferSyntaxUid} is compressed`,
    );
  }
  // Refuse what could not be used anyway before spending time (and memory) on decoding.
  assertDecodablePixels(header);
  const fragments = readFragments(dataset, pixelData);
  const codestream = firstFrame(fragments, header.numberOfFrames, (fragment) => startsFrame(codec, fragment));
  checkCodestream(codec, codestream, header);
  return decodeFrame(codec, codestream, header);
}

function noPixelData(): ImagingError {
  return new ImagingError(
    'NO_PIXEL_DATA',
    'The DICOM object has no Pixel Data (7FE0,0010); it is not an image',
  );
}
