import jpeg from 'jpeg-js';
import { ImagingError } from './errors.js';
import { minimumCodedBytes, readJpegFrame } from './jpeg-frame.js';
import type { Radiograph } from './radiograph.js';

/**
 * Decoded JPEGs are capped lower than DICOM: jpeg-js holds 256 bytes of coefficients per 8×8 block
 * and component, so a 36 MP colour file already needs ~430 MB while it decodes.
 */
export const MAX_JPEG_PIXELS = 36e6;
/** jpeg-js refuses (rather than attempts) a decode that would allocate more than this. */
const MAX_JPEG_MEMORY_MB = 512;

/**
 * A baseline or progressive JPEG as grey values (colour as Rec. 601 luma). The frame header is read
 * first: no size, a size over MAX_JPEG_PIXELS (IMAGE_TOO_LARGE) or far fewer bytes than such an image
 * needs (a truncated stream, or a bomb claiming a huge image) are refused before any allocation.
 */
export function decodeJpeg(bytes: Uint8Array): Radiograph {
  const frame = readJpegFrame(bytes);
  if (typeof frame === 'string') throw badJpeg(frame);
  const { width, height } = frame;
  if (width === 0 || height === 0) throw badJpeg(`the frame header declares no size (${width}×${height})`);
  if (width * height > MAX_JPEG_PIXELS) {
    throw new ImagingError(
      'IMAGE_TOO_LARGE',
      `JPEG of ${width}×${height} pixels exceeds the ${MAX_JPEG_PIXELS / 1e6} megapixel limit`,
    );
  }
  const minimum = minimumCodedBytes(frame);
  if (bytes.length < minimum) {
    throw badJpeg(
      `a ${width}×${height} image needs at least ${minimum} bytes but the file has ${bytes.length} ` +
        '(truncated, or a header claiming a far larger image than the data holds)',
    );
  }
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      maxResolutionInMP: MAX_JPEG_PIXELS / 1e6,
      maxMemoryUsageInMB: MAX_JPEG_MEMORY_MB,
    });
  } catch (error) {
    throw badJpeg((error as Error).message);
  }
  const count = decoded.width * decoded.height;
  const channels = decoded.data.length / count;
  if (!Number.isInteger(channels) || channels < 1) throw badJpeg(`decoded to ${decoded.data.length} bytes`);
  const pixels = new Uint16Array(count);
  const data = decoded.data;
  if (channels < 3) for (let i = 0; i < count; i++) pixels[i] = data[i * channels];
  else
    for (let i = 0, o = 0; i < count; i++, o += channels)
      pixels[i] = Math.round(0.299 * data[o] + 0.587 * data[o + 1] + 0.114 * data[o + 2]);
  return {
    format: 'jpeg',
    width: decoded.width,
    height: decoded.height,
    pixels,
    bitDepth: 8,
    pixelSpacingMm: null,
  };
}

function badJpeg(detail: string): ImagingError {
  return new ImagingError('BAD_JPEG', `cannot decode JPEG: ${detail}`);
}
