import { ImagingError, type ImagingErrorCode } from './errors.js';

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED_LENGTH = 0xffffffff;
const ITEM = 0xfffee000;
const ITEM_END = 0xfffee00d;
const SEQUENCE_END = 0xfffee0dd;
const PIXEL_DATA = 0x7fe00010;
/**
 * Sequences nested deeper are refused: real objects nest a few levels (SR content trees a dozen or
 * so), and each level costs stack here and in dcmjs, so thousands of levels would overflow it.
 */
export const MAX_SEQUENCE_DEPTH = 64;

/** Where the top-level Pixel Data (7FE0,0010) lies in a little-endian data set. */
export interface PixelDataLocation {
  /** Offset of the element's tag: everything before it is the header. */
  elementOffset: number;
  /** Offset of the value: the native pixel bytes, or the first item (basic offset table) if encapsulated. */
  valueOffset: number;
  /** Bytes of the value; for encapsulated data, the items up to and including the sequence delimiter. */
  valueLength: number;
  encapsulated: boolean;
}

/**
 * Walks the element headers of a little-endian data set (without decoding values), throws when an
 * element runs past the end of the bytes, and returns where the Pixel Data is (null if absent).
 * dcmjs reads a file cut short without complaint, so a half-copied file would otherwise give an
 * image with a blank tail. `truncatedCode` is the code for "runs past the end" (readers predating
 * readDicomHeader report it as BAD_DICOM); malformed structure is always BAD_DICOM.
 */
export function walkDataset(
  bytes: Uint8Array,
  start: number,
  explicit: boolean,
  truncatedCode: ImagingErrorCode = 'BAD_DICOM',
): PixelDataLocation | null {
  const walker = new Walker(
    new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    explicit,
    truncatedCode,
  );
  walker.elements(start, bytes.length, false, 0);
  return walker.pixelData;
}

class Walker {
  pixelData: PixelDataLocation | null = null;

  constructor(
    private readonly view: DataView,
    private readonly explicit: boolean,
    private readonly truncatedCode: ImagingErrorCode,
  ) {}

  /** Returns the offset after the last element read (or after the item delimiter when `inItem`). */
  elements(start: number, end: number, inItem: boolean, depth: number): number {
    const view = this.view;
    let offset = start;
    while (offset < end) {
      this.need(offset, 8);
      const tag = this.tagAt(offset);
      if (tag === ITEM_END) {
        if (inItem) return offset + 8;
        throw malformed(`stray item delimiter at byte ${offset}`);
      }
      const elementOffset = offset;
      let length: number;
      let header: number;
      if (this.explicit) {
        const vr = String.fromCharCode(view.getUint8(offset + 4), view.getUint8(offset + 5));
        // dcmjs reads on past an unknown VR and misreads every element after it.
        if (!/^[A-Z]{2}$/.test(vr))
          throw malformed(`element ${hexTag(tag)} at byte ${offset} has no valid VR (${JSON.stringify(vr)})`);
        if (LONG_VRS.has(vr)) {
          this.need(offset, 12);
          length = view.getUint32(offset + 8, true);
          header = 12;
        } else {
          length = view.getUint16(offset + 6, true);
          header = 8;
        }
      } else {
        length = view.getUint32(offset + 4, true);
        header = 8;
      }
      offset += header;
      const isPixelData = tag === PIXEL_DATA && depth === 0;
      const isSequence =
        this.explicit &&
        view.getUint8(elementOffset + 4) === 0x53 &&
        view.getUint8(elementOffset + 5) === 0x51; // "SQ"
      if (length === UNDEFINED_LENGTH) {
        const after = this.items(offset, end, depth + 1);
        if (isPixelData) this.found(elementOffset, offset, after - offset, true);
        offset = after;
        continue;
      }
      if (offset + length > end) {
        const what = tag === PIXEL_DATA ? 'Pixel Data' : `element ${hexTag(tag)}`;
        throw this.truncated(`${what} needs ${length} bytes but only ${end - offset} remain`);
      }
      if (isPixelData) this.found(elementOffset, offset, length, false);
      // A sequence of defined length must hold items and nothing else: dcmjs would otherwise read whatever it holds.
      if (
        isSequence &&
        length > 0 &&
        this.items(offset, offset + length, depth + 1, true) !== offset + length
      )
        throw malformed(`the sequence at byte ${elementOffset} does not end where its length says`);
      offset += length;
    }
    if (inItem) throw this.truncated('a sequence item has no end');
    return offset;
  }

  /**
   * Items of a sequence (or encapsulated fragments): of an undefined-length one up to its delimiter, of
   * a `defined` one (whose items are walked too) up to `end`.
   */
  private items(start: number, end: number, depth: number, defined = false): number {
    if (depth > MAX_SEQUENCE_DEPTH)
      throw malformed(`sequences are nested more than ${MAX_SEQUENCE_DEPTH} deep at byte ${start}`);
    let offset = start;
    for (;;) {
      if (defined && offset >= end) return offset;
      this.need(offset, 8);
      const tag = this.tagAt(offset);
      const length = this.view.getUint32(offset + 4, true);
      offset += 8;
      if (tag === SEQUENCE_END && !defined) return offset;
      if (tag !== ITEM)
        throw malformed(`expected a sequence item at byte ${offset - 8}, found ${hexTag(tag)}`);
      if (length === UNDEFINED_LENGTH) {
        offset = this.elements(offset, end, true, depth);
      } else {
        if (offset + length > end)
          throw this.truncated(`a sequence item needs ${length} bytes but only ${end - offset} remain`);
        if (defined) this.elements(offset, offset + length, false, depth);
        offset += length;
      }
    }
  }

  private found(
    elementOffset: number,
    valueOffset: number,
    valueLength: number,
    encapsulated: boolean,
  ): void {
    this.pixelData = { elementOffset, valueOffset, valueLength, encapsulated };
  }

  private tagAt(offset: number): number {
    return ((this.view.getUint16(offset, true) << 16) | this.view.getUint16(offset + 2, true)) >>> 0;
  }

  private need(offset: number, bytes: number): void {
    if (offset + bytes > this.view.byteLength)
      throw this.truncated(`an element header at byte ${offset} is cut off`);
  }

  private truncated(detail: string): ImagingError {
    return new ImagingError(this.truncatedCode, `DICOM file is truncated: ${detail}`);
  }
}

function malformed(detail: string): ImagingError {
  return new ImagingError('BAD_DICOM', `DICOM file is malformed: ${detail}`);
}

export function hexTag(tag: number): string {
  const hex = tag.toString(16).toUpperCase().padStart(8, '0');
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
}
