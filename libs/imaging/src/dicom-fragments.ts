import type { PixelDataLocation } from './dicom-structure.js';
import { ImagingError } from './errors.js';

const ITEM = 0xfffee000;
const SEQUENCE_END = 0xfffee0dd;

/** The items of encapsulated Pixel Data (PS3.5 A.4). */
export interface Fragments {
  /** Basic Offset Table: each frame's first fragment, as a byte offset from the first fragment's item. */
  offsetTable: number[];
  fragments: Fragment[];
}

export interface Fragment {
  /** Offset of the fragment's item tag from the first fragment's item tag. */
  offset: number;
  data: Uint8Array;
}

/** Splits encapsulated Pixel Data (already checked for completeness) into its offset table and fragments. */
export function readFragments(dataset: Uint8Array, location: PixelDataLocation): Fragments {
  const view = new DataView(dataset.buffer, dataset.byteOffset, dataset.byteLength);
  const end = location.valueOffset + location.valueLength;
  const items: { offset: number; data: Uint8Array }[] = [];
  for (let offset = location.valueOffset; offset + 8 <= end;) {
    const tag = ((view.getUint16(offset, true) << 16) | view.getUint16(offset + 2, true)) >>> 0;
    const length = view.getUint32(offset + 4, true);
    if (tag === SEQUENCE_END) break;
    if (tag !== ITEM || offset + 8 + length > end) {
      throw new ImagingError(
        'CORRUPT_PIXEL_DATA',
        `Encapsulated Pixel Data has a malformed item at byte ${offset}`,
      );
    }
    items.push({ offset, data: dataset.subarray(offset + 8, offset + 8 + length) });
    offset += 8 + length;
  }
  const [table, ...rest] = items;
  if (!table) return { offsetTable: [], fragments: [] };
  const tableView = new DataView(table.data.buffer, table.data.byteOffset, table.data.byteLength);
  const offsetTable = Array.from({ length: Math.floor(table.data.length / 4) }, (_, i) =>
    tableView.getUint32(4 * i, true),
  );
  const first = rest[0]?.offset ?? 0;
  return { offsetTable, fragments: rest.map(({ offset, data }) => ({ offset: offset - first, data })) };
}

/**
 * The compressed bytes of the first frame. One frame may span several fragments: the offset table
 * says where the second frame starts; without one, a frame per fragment when the counts match, else
 * a new frame starts at a fragment that opens with a codestream start marker (`startsFrame`).
 */
export function firstFrame(
  { offsetTable, fragments }: Fragments,
  numberOfFrames: number,
  startsFrame: (fragment: Uint8Array) => boolean,
): Uint8Array {
  if (fragments.length === 0) {
    throw new ImagingError('CORRUPT_PIXEL_DATA', 'Encapsulated Pixel Data holds no compressed fragment');
  }
  let parts: Fragment[];
  if (numberOfFrames <= 1) parts = fragments;
  else if (offsetTable.length >= 2) parts = fragments.filter((f) => f.offset < offsetTable[1]);
  else if (fragments.length === numberOfFrames) parts = fragments.slice(0, 1);
  else {
    const next = fragments.findIndex((f, i) => i > 0 && startsFrame(f.data));
    parts = next < 0 ? fragments : fragments.slice(0, next);
  }
  if (parts.length === 0) {
    throw new ImagingError('CORRUPT_PIXEL_DATA', 'The Basic Offset Table points before the first fragment');
  }
  if (parts.length === 1) return parts[0].data;
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.data.length, 0));
  let at = 0;
  for (const { data } of parts) {
    joined.set(data, at);
    at += data.length;
  }
  return joined;
}
