import dcmjsCodecs from 'dcmjs-codecs';
import type { PixelAttributes } from './dicom-pixels.js';
import type { CompressionCodec } from './dicom-uids.js';
import { ImagingError } from './errors.js';

const { Context, NativeCodecs } = dcmjsCodecs;

const DECODERS = {
  jpeg: { name: 'JPEG', decode: (c: InstanceType<typeof Context>) => NativeCodecs.decodeJpeg(c) },
  jpegLs: { name: 'JPEG-LS', decode: (c: InstanceType<typeof Context>) => NativeCodecs.decodeJpegLs(c) },
  jpeg2000: {
    name: 'JPEG 2000',
    decode: (c: InstanceType<typeof Context>) => NativeCodecs.decodeJpeg2000(c),
  },
  htj2k: { name: 'HTJ2K', decode: (c: InstanceType<typeof Context>) => NativeCodecs.decodeHtJpeg2000(c) },
  rle: { name: 'RLE', decode: (c: InstanceType<typeof Context>) => NativeCodecs.decodeRle(c) },
} satisfies Record<CompressionCodec, unknown>;

/** One instantiation of the codecs' WebAssembly module. */
interface Instance {
  /** Set when a decode failed inside the module: its heap and stack may be left inconsistent. */
  broken: boolean;
}

let loading: Promise<Instance> | undefined;

/** The codecs module, instantiated once (lazily) and again after a failure left it unusable. */
async function codecs(): Promise<Instance> {
  for (;;) {
    loading ??= NativeCodecs.initializeAsync().then(
      () => ({ broken: false }),
      (error: unknown) => {
        loading = undefined;
        throw new ImagingError(
          'CODEC_UNAVAILABLE',
          `The image codecs (dcmjs-codecs WebAssembly) cannot be loaded: ${(error as Error).message}`,
          { cause: error },
        );
      },
    );
    const instance = await loading;
    // Another decode may have broken this instance while we waited; then load a fresh one.
    if (!instance.broken) return instance;
  }
}

/** Loads the codecs now rather than on the first compressed image. */
export async function preloadCodecs(): Promise<void> {
  await codecs();
}

/**
 * Decodes one frame to native little-endian samples (rows × columns × samples, Bits Allocated wide).
 * Codec failures, traps included, become CORRUPT_PIXEL_DATA; the WebAssembly instance is then
 * replaced, because a trap unwinds without freeing what the decoder had allocated.
 */
export async function decodeFrame(
  codec: CompressionCodec,
  codestream: Uint8Array,
  header: PixelAttributes,
): Promise<Uint8Array> {
  const instance = await codecs();
  const { name, decode } = DECODERS[codec];
  let decoded: Uint8Array | undefined;
  try {
    const context = new Context({
      width: header.columns,
      height: header.rows,
      bitsAllocated: header.bitsAllocated,
      bitsStored: header.bitsStored,
      samplesPerPixel: header.samplesPerPixel,
      pixelRepresentation: header.pixelRepresentation,
      planarConfiguration: 0,
      photometricInterpretation: header.photometricInterpretation,
      encodedBuffer: codestream,
    });
    decoded = decode(context).getDecodedBuffer();
  } catch (error) {
    instance.broken = true;
    loading = undefined;
    // A WebAssembly trap says only "unreachable" and the like: say that the decoder aborted.
    const { name: kind, message } = error as Error;
    const detail = kind === 'RuntimeError' ? `the decoder aborted (${message})` : message || String(error);
    throw new ImagingError('CORRUPT_PIXEL_DATA', `${name} Pixel Data cannot be decoded: ${detail}`, {
      cause: error,
    });
  }
  const expected = header.rows * header.columns * header.samplesPerPixel * (header.bitsAllocated / 8);
  if (!decoded || decoded.length < expected) {
    throw new ImagingError(
      'CORRUPT_PIXEL_DATA',
      `${name} Pixel Data decoded to ${decoded?.length ?? 0} bytes where ${expected} were expected`,
    );
  }
  return decoded;
}
