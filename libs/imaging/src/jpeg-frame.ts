/** A JPEG (ITU T.81) or JPEG-LS (T.87) frame header: the image size and how it is coded. */
export interface JpegFrame {
  width: number;
  /** 0 when the height is defined later, by a DNL marker. */
  height: number;
  components: number;
  /** The SOFn marker's second byte (0xC0 … 0xCF, or 0xF7 for JPEG-LS). */
  marker: number;
}

/**
 * The first frame header (SOFn / SOF55) of a codestream, read by walking its marker segments up to
 * the first scan; a description of what is wrong instead when there is none.
 */
export function readJpegFrame(bytes: Uint8Array): JpegFrame | string {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return 'the codestream does not start with a JPEG SOI marker';
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // scan or end before any frame header
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2; // markers without a length
      continue;
    }
    if (isStartOfFrame(marker) && i + 10 <= bytes.length) {
      return {
        height: (bytes[i + 5] << 8) | bytes[i + 6],
        width: (bytes[i + 7] << 8) | bytes[i + 8],
        components: bytes[i + 9],
        marker,
      };
    }
    i += 2 + ((bytes[i + 2] << 8) | bytes[i + 3]);
  }
  return 'the JPEG codestream has no frame header (SOF) before its first scan';
}

function isStartOfFrame(marker: number): boolean {
  const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
  return sof || marker === 0xf7; // JPEG-LS SOF55
}

/**
 * The fewest bytes a Huffman-coded JPEG of this size can have: every 8×8 block of the full-resolution
 * component costs at least one bit for its DC difference (DCT modes; there is no run coding of DC),
 * every sample at least one bit in the lossless modes. A file far smaller than that is a truncated
 * stream or a decompression bomb whose header claims a huge image. JPEG-LS codes a uniform line in
 * run mode, but a run ends with its line, so every line costs at least one bit. 0 (no bound) for
 * arithmetic coding, which can code a uniform image in a few bytes.
 */
export function minimumCodedBytes(frame: JpegFrame): number {
  const { marker, width, height } = frame;
  if (marker === 0xf7) return Math.floor(height / 8);
  if (marker === 0xc3 || marker === 0xc7) return Math.floor((width * height) / 8);
  if (marker >= 0xc0 && marker <= 0xc7) return Math.floor((Math.ceil(width / 8) * Math.ceil(height / 8)) / 8);
  return 0;
}
