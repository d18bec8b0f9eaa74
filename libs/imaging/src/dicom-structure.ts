import { ImagingError } from './errors.js';

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED_LENGTH = 0xffffffff;
const ITEM = 0xfffee000;
const ITEM_END = 0xfffee00d;
const SEQUENCE_END = 0xfffee0dd;
const PIXEL_DATA = 0x7fe00010;

/**
 * Walks the element headers of an uncompressed little-endian data set (without decoding values)
 * and throws BAD_DICOM when an element runs past the end of the bytes. dcmjs reads a file cut
 * short without complaint, so a half-copied file would otherwise give an image with a blank tail.
 */
export function assertDatasetComplete(bytes: Uint8Array, start: number, explicit: boolean): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  walkElements(view, start, bytes.length, explicit, false);
}

/** Returns the offset after the last element read (or after the item delimiter when `inItem`). */
function walkElements(
  view: DataView,
  start: number,
  end: number,
  explicit: boolean,
  inItem: boolean,
): number {
  let offset = start;
  while (offset < end) {
    need(view, offset, 8);
    const tag = ((view.getUint16(offset, true) << 16) | view.getUint16(offset + 2, true)) >>> 0;
    if (tag === ITEM_END) {
      if (inItem) return offset + 8;
      throw truncated(`stray item delimiter at byte ${offset}`);
    }
    let length: number;
    let header: number;
    if (explicit) {
      const vr = String.fromCharCode(view.getUint8(offset + 4), view.getUint8(offset + 5));
      if (LONG_VRS.has(vr)) {
        need(view, offset, 12);
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
    if (length === UNDEFINED_LENGTH) {
      offset = walkItems(view, offset, end, explicit);
      continue;
    }
    if (offset + length > end) {
      const what = tag === PIXEL_DATA ? 'Pixel Data' : `element ${hexTag(tag)}`;
      throw truncated(`${what} needs ${length} bytes but only ${end - offset} remain`);
    }
    offset += length;
  }
  if (inItem) throw truncated('a sequence item has no end');
  return offset;
}

/** Items of an undefined-length sequence (or encapsulated fragments), up to the sequence delimiter. */
function walkItems(view: DataView, start: number, end: number, explicit: boolean): number {
  let offset = start;
  for (;;) {
    need(view, offset, 8);
    const tag = ((view.getUint16(offset, true) << 16) | view.getUint16(offset + 2, true)) >>> 0;
    const length = view.getUint32(offset + 4, true);
    offset += 8;
    if (tag === SEQUENCE_END) return offset;
    if (tag !== ITEM) throw truncated(`expected a sequence item at byte ${offset - 8}, found ${hexTag(tag)}`);
    if (length === UNDEFINED_LENGTH) {
      offset = walkElements(view, offset, end, explicit, true);
    } else {
      if (offset + length > end)
        throw truncated(`a sequence item needs ${length} bytes but only ${end - offset} remain`);
      offset += length;
    }
  }
}

function need(view: DataView, offset: number, bytes: number): void {
  if (offset + bytes > view.byteLength) throw truncated(`an element header at byte ${offset} is cut off`);
}

function truncated(detail: string): ImagingError {
  return new ImagingError('BAD_DICOM', `DICOM file is truncated or malformed: ${detail}`);
}

function hexTag(tag: number): string {
  const hex = tag.toString(16).toUpperCase().padStart(8, '0');
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
}
