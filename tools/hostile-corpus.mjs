#!/usr/bin/env node
// Writes the hostile-input corpus (test/corpus/hostile/): malformed DICOM, PNG, JPEG and non-image files,
// each small (bombs are small files that CLAIM huge sizes), and manifest.json saying per file what is wrong,
// which entry points it is sent to and what each must answer. test/integration/hostile.spec.ts sends them.
//
//   node tools/hostile-corpus.mjs [--out DIR]        (default test/corpus/hostile)
//
// Reproducible: every file is built here byte by byte (no encoder but zlib and jpeg-js), random choices come
// from a seeded generator, UIDs from the case names. The files are committed; re-running rewrites the same
// bytes as long as zlib's deflate output is unchanged (the manifest's sha256 then tells).
//
// Expected outcomes per entry point: "refused" with the API error code (upload: HTTP 4xx with that code;
// STOW-RS: the instance fails with it; C-STORE: a failure status), recorded in /api/ingest-failures unless
// `recorded: false`; "not-assessable": accepted, and the exam ends judged "not assessable" (or failed) with a
// reason; "refused-or-not-assessable": either (fuzzed files, whose damage is random by design).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import * as prettier from 'prettier';

const SEED = 20261127;
const DEFAULT_OUT = 'test/corpus/hostile';

const TS = {
  implicit: '1.2.840.10008.1.2',
  explicit: '1.2.840.10008.1.2.1',
  deflated: '1.2.840.10008.1.2.1.99',
  bigEndian: '1.2.840.10008.1.2.2',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
  jpegLs: '1.2.840.10008.1.2.4.80',
  rle: '1.2.840.10008.1.2.5',
};
const DX = '1.2.840.10008.5.1.4.1.1.1.1';
const BASIC_TEXT_SR = '1.2.840.10008.5.1.4.1.1.88.11';
const ROWS = 80;
const COLUMNS = 64;
/** Grey value of every base pixel: a uniform image, so whatever is accepted is judged "not assessable". */
const GREY = 1000;

// ---------------------------------------------------------------------------------------------------
// Seeded randomness and UIDs

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UID under the 2.25 (UUID-derived) root, fixed per name. */
function uid(name) {
  const hex = createHash('sha256').update(`spineqc-hostile-corpus/${name}`).digest('hex').slice(0, 32);
  return `2.25.${BigInt(`0x${hex}`).toString()}`;
}

// ---------------------------------------------------------------------------------------------------
// DICOM encoding (explicit VR little endian unless said otherwise)

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED = 0xffffffff;

/** Value bytes for a VR: strings padded to even length (UI with NUL), numbers in their binary VRs. */
function value(vr, v) {
  if (v instanceof Uint8Array) return v;
  if (vr === 'US') return u16(...[v].flat());
  if (vr === 'UL') return u32(...[v].flat());
  const text = Buffer.from(String(v), 'latin1');
  if (text.length % 2 === 0) return text;
  return Buffer.concat([text, Buffer.from(vr === 'UI' ? [0] : [0x20])]);
}

function u16(...values) {
  const out = Buffer.alloc(2 * values.length);
  values.forEach((v, i) => out.writeUInt16LE(v, 2 * i));
  return out;
}

function u32(...values) {
  const out = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => out.writeUInt32LE(v >>> 0, 4 * i));
  return out;
}

/**
 * One explicit-VR element. `length` overrides the length field (absurd lengths, undefined length);
 * `vr` may be any two characters, valid or not.
 */
function element(tag, vr, v, { length } = {}) {
  const bytes = value(vr, v);
  const long = LONG_VRS.has(vr);
  const head = Buffer.alloc(long ? 12 : 8);
  head.writeUInt16LE(tag >>> 16, 0);
  head.writeUInt16LE(tag & 0xffff, 2);
  head.write(vr, 4, 'latin1');
  if (long) head.writeUInt32LE((length ?? bytes.length) >>> 0, 8);
  else head.writeUInt16LE(length ?? bytes.length, 6);
  return Buffer.concat([head, bytes]);
}

function implicitElement(tag, v, { length } = {}) {
  const bytes = Buffer.from(v);
  const head = Buffer.alloc(8);
  head.writeUInt16LE(tag >>> 16, 0);
  head.writeUInt16LE(tag & 0xffff, 2);
  head.writeUInt32LE((length ?? bytes.length) >>> 0, 4);
  return Buffer.concat([head, bytes]);
}

/** An item or delimiter header of a sequence or of encapsulated Pixel Data. */
function itemHeader(tag, length) {
  return Buffer.concat([u16(0xfffe, tag & 0xffff), u32(length)]);
}

/** Encapsulated Pixel Data: an empty basic offset table and one fragment per codestream. */
function encapsulated(...fragments) {
  const items = fragments.map((f) => {
    const even = f.length % 2 ? Buffer.concat([f, Buffer.from([0])]) : Buffer.from(f);
    return Buffer.concat([itemHeader(0xe000, even.length), even]);
  });
  return Buffer.concat([
    element(0x7fe00010, 'OB', Buffer.alloc(0), { length: UNDEFINED }),
    itemHeader(0xe000, 0),
    ...items,
    itemHeader(0xe0dd, 0),
  ]);
}

/**
 * The base DX data set: a uniform 64 × 80 film at 12 of 16 bits, with the attributes SpineQC reads.
 * `set` replaces or adds elements by tag (a Buffer, or null to drop it); `pixelData` replaces Pixel Data.
 */
function baseDataset(name, { set = {}, pixelData } = {}) {
  const pixels = Buffer.alloc(ROWS * COLUMNS * 2);
  for (let i = 0; i < ROWS * COLUMNS; i++) pixels.writeUInt16LE(GREY, 2 * i);
  const elements = new Map([
    [0x00080016, element(0x00080016, 'UI', DX)],
    [0x00080018, element(0x00080018, 'UI', uid(name))],
    [0x00080020, element(0x00080020, 'DA', '20261127')],
    [0x00080060, element(0x00080060, 'CS', 'DX')],
    [0x00080068, element(0x00080068, 'CS', 'FOR PRESENTATION')],
    [0x00081010, element(0x00081010, 'SH', 'HOSTILE')],
    [0x00081070, element(0x00081070, 'PN', 'Corpus^Hostile')],
    [0x00100010, element(0x00100010, 'PN', 'Hostile^Corpus')],
    [0x00100020, element(0x00100020, 'LO', 'HOSTILE-0001')],
    [0x00180015, element(0x00180015, 'CS', 'LSPINE')],
    [0x00181164, element(0x00181164, 'DS', '0.15\\0.15')],
    [0x00185101, element(0x00185101, 'CS', 'AP')],
    [0x0020000d, element(0x0020000d, 'UI', uid('study'))],
    [0x0020000e, element(0x0020000e, 'UI', uid('series'))],
    [0x00280002, element(0x00280002, 'US', 1)],
    [0x00280004, element(0x00280004, 'CS', 'MONOCHROME2')],
    [0x00280010, element(0x00280010, 'US', ROWS)],
    [0x00280011, element(0x00280011, 'US', COLUMNS)],
    [0x00280100, element(0x00280100, 'US', 16)],
    [0x00280101, element(0x00280101, 'US', 12)],
    [0x00280102, element(0x00280102, 'US', 11)],
    [0x00280103, element(0x00280103, 'US', 0)],
    [0x7fe00010, pixelData ?? element(0x7fe00010, 'OW', pixels)],
  ]);
  for (const [tag, replacement] of Object.entries(set)) {
    if (replacement === null) elements.delete(Number(tag));
    else elements.set(Number(tag), replacement);
  }
  return Buffer.concat([...elements.entries()].sort(([a], [b]) => a - b).map(([, bytes]) => bytes));
}

/** Preamble, "DICM" and the file meta group (always explicit VR little endian) before a data set. */
function part10({ transferSyntax = TS.explicit, sopClass = DX, sopInstance = 'meta' } = {}) {
  const meta = Buffer.concat([
    element(0x00020001, 'OB', Buffer.from([0, 1])),
    element(0x00020002, 'UI', sopClass),
    element(0x00020003, 'UI', uid(sopInstance)),
    element(0x00020010, 'UI', transferSyntax),
    element(0x00020012, 'UI', '1.2.826.0.1.3680043.10.1479.1'),
    element(0x00020013, 'SH', 'SPINEQC_CORPUS'),
  ]);
  return Buffer.concat([
    Buffer.alloc(128),
    Buffer.from('DICM', 'latin1'),
    element(0x00020000, 'UL', meta.length),
    meta,
  ]);
}

function dicomFile(name, options = {}, metaOptions = {}) {
  const dataset = baseDataset(name, options);
  return Buffer.concat([part10({ sopInstance: name, ...metaOptions }), dataset]);
}

const us = (tag, v) => element(tag, 'US', v);
const ds = (tag, v) => element(tag, 'DS', v);
const tags = {
  rows: 0x00280010,
  columns: 0x00280011,
  bitsAllocated: 0x00280100,
  bitsStored: 0x00280101,
  highBit: 0x00280102,
  samples: 0x00280002,
  photometric: 0x00280004,
  spacing: 0x00181164,
  sopClass: 0x00080016,
  pixelData: 0x7fe00010,
};

function nativePixels(rows, columns, bytesPerSample = 2) {
  const out = Buffer.alloc(rows * columns * bytesPerSample);
  for (let i = 0; i < rows * columns; i++)
    if (bytesPerSample === 2) out.writeUInt16LE(GREY, 2 * i);
    else out[i] = 128;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Codestreams

/** A baseline JPEG (jpeg-js) of a uniform grey image. */
function jpegFile(width, height, grey = 128) {
  const data = Buffer.alloc(width * height * 4, grey);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return Buffer.from(jpeg.encode({ data, width, height }, 90).data);
}

/** The JPEG with its SOF0 frame header claiming another size. */
function claimSize(bytes, width, height) {
  const out = Buffer.from(bytes);
  for (let i = 2; i + 9 < out.length; i += 2 + out.readUInt16BE(i + 2)) {
    if (out[i + 1] === 0xc0) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
  }
  throw new Error('no SOF0 marker');
}

/** Offset of the entropy-coded data after the JPEG's SOS header. */
function scanStart(bytes) {
  for (let i = 2; i + 3 < bytes.length; i += 2 + bytes.readUInt16BE(i + 2)) {
    if (bytes[i + 1] === 0xda) return i + 2 + bytes.readUInt16BE(i + 2);
  }
  throw new Error('no SOS marker');
}

/** A JPEG-LS (T.87) codestream: SOI, SOF55 for a 16-bit grey image, SOS, the given scan bytes, EOI. */
function jpegLs(width, height, scan) {
  const sof = Buffer.from([0xff, 0xf7, 0, 11, 16, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  const sos = Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, sos, scan, Buffer.from([0xff, 0xd9])]);
}

/** An RLE frame (PS3.5 G) of two segments of `segmentBytes` PackBits replicate runs each. */
function rleFrame(segmentBytes) {
  const header = Buffer.alloc(64);
  header.writeUInt32LE(2, 0);
  header.writeUInt32LE(64, 4);
  header.writeUInt32LE(64 + segmentBytes, 8);
  const segment = Buffer.alloc(segmentBytes);
  for (let i = 0; i < segmentBytes; i += 2) segment[i] = 0x81; // repeat the next byte 128 times
  return Buffer.concat([header, segment, segment]);
}

// ---------------------------------------------------------------------------------------------------
// PNG encoding

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes) {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function ihdr(width, height, depth = 8, colourType = 0) {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = depth;
  data[9] = colourType;
  return chunk('IHDR', data);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function png(header, idat, extra = []) {
  return Buffer.concat([
    PNG_SIGNATURE,
    header,
    ...extra,
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Filtered rows (filter type 0) of a uniform 8-bit grey image, deflated. */
function greyIdat(width, height, grey = 128) {
  const raw = Buffer.alloc(height * (width + 1), grey);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return deflateSync(raw, { level: 9 });
}

// ---------------------------------------------------------------------------------------------------
// Expectations

const refused = (code, extra = {}) => ({ outcome: 'refused', code, ...extra });
const notAssessable = (extra = {}) => ({ outcome: 'not-assessable', ...extra });
const eitherWay = { outcome: 'refused-or-not-assessable' };

/** DICOM through all three doors, each with the same expectation. */
const everyDoor = (expectation) => ({ upload: expectation, stow: expectation, cstore: expectation });
/** A file dcmtk will not send (or whose SOP class no association accepts): HTTP doors only. */
const httpDoors = (expectation) => ({ upload: expectation, stow: expectation });
/** Not DICOM at all: the upload names it, STOW-RS calls it "not DICOM". */
const notDicom = (uploadCode) => ({ upload: refused(uploadCode), stow: refused('NOT_DICOM') });

// ---------------------------------------------------------------------------------------------------
// The cases

function cases() {
  const random = mulberry32(SEED);
  const list = [];
  const add = (name, wrong, bytes, expect) => list.push({ name, wrong, bytes, expect });
  /** A well-formed base file with its own SOP Instance UID, and where its Pixel Data element starts. */
  const fresh = (name) => {
    const bytes = dicomFile(name);
    return { bytes, pixelData: bytes.indexOf(Buffer.from([0xe0, 0x7f, 0x10, 0x00])) };
  };

  // Truncated DICOM at several offsets
  const cut = (name, wrong, at, expect) => {
    const { bytes, pixelData } = fresh(name);
    add(name, wrong, bytes.subarray(0, at(bytes.length, pixelData)), expect);
  };
  cut(
    'dicom-truncated-in-preamble.dcm',
    'cut after 100 bytes, inside the 128-byte preamble',
    () => 100,
    notDicom('NOT_AN_IMAGE'),
  );
  cut(
    'dicom-truncated-in-meta.dcm',
    'cut inside the file meta group',
    () => 170,
    httpDoors(refused('TRUNCATED')),
  );
  cut(
    'dicom-truncated-in-header.dcm',
    'cut inside the data set, before Pixel Data',
    (_, pd) => pd - 45,
    httpDoors(refused('TRUNCATED')),
  );
  cut(
    'dicom-truncated-in-pixel-data.dcm',
    'cut halfway through Pixel Data (its length says more)',
    (_, pd) => pd + 12 + ROWS * COLUMNS,
    httpDoors(refused('TRUNCATED')),
  );
  cut(
    'dicom-truncated-last-byte.dcm',
    'the last byte of Pixel Data missing',
    (n) => n - 1,
    httpDoors(refused('TRUNCATED')),
  );
  cut(
    'dicom-magic-only.dcm',
    'a preamble and "DICM", nothing else',
    () => 132,
    httpDoors(refused('TRUNCATED')),
  );

  // Fuzzed DICOM: seeded bit flips in the header, seeded random bytes anywhere in the header
  for (const flips of [1, 4, 16, 64]) {
    const name = `dicom-fuzzed-${flips}-bit-flips.dcm`;
    const { bytes, pixelData } = fresh(name);
    for (let i = 0; i < flips; i++)
      bytes[132 + Math.floor(random() * (pixelData - 132))] ^= 1 << Math.floor(random() * 8);
    add(name, `${flips} random bit flip(s) in the header (seed ${SEED})`, bytes, httpDoors(eitherWay));
  }
  for (const n of [6, 12]) {
    const name = `dicom-fuzzed-${n}-bytes.dcm`;
    const { bytes, pixelData } = fresh(name);
    for (let i = 0; i < n; i++)
      bytes[132 + Math.floor(random() * (pixelData - 132))] = Math.floor(random() * 256);
    add(name, `${n} random bytes overwritten in the header (seed ${SEED})`, bytes, httpDoors(eitherWay));
  }

  // Wrong VRs
  add(
    'dicom-rows-as-text.dcm',
    'Rows (0028,0010) written as LO "sixty-four" instead of US',
    dicomFile('rows-as-text', { set: { [tags.rows]: element(tags.rows, 'LO', 'sixty-four') } }),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-rows-as-ul.dcm',
    'Rows written as UL (4 bytes) instead of US; the value itself is right',
    dicomFile('rows-as-ul', { set: { [tags.rows]: element(tags.rows, 'UL', ROWS) } }),
    everyDoor(notAssessable()),
  );
  add(
    'dicom-pixel-data-ob-odd-length.dcm',
    '8-bit Pixel Data as OB of odd length (17 × 17 = 289 bytes; DICOM values are even)',
    dicomFile('ob-odd', {
      set: {
        [tags.rows]: us(tags.rows, 17),
        [tags.columns]: us(tags.columns, 17),
        [tags.bitsAllocated]: us(tags.bitsAllocated, 8),
        [tags.bitsStored]: us(tags.bitsStored, 8),
        [tags.highBit]: us(tags.highBit, 7),
      },
      pixelData: element(tags.pixelData, 'OB', nativePixels(17, 17, 1)),
    }),
    everyDoor(notAssessable()),
  );
  add(
    'dicom-invalid-vr.dcm',
    'PatientName with the VR bytes "??"',
    dicomFile('invalid-vr', { set: { 0x00100010: element(0x00100010, '??', 'Hostile^Corpus') } }),
    // dcmtk repairs the VR before sending, so over C-STORE the instance arrives well-formed.
    { upload: refused('MALFORMED_DICOM'), stow: refused('MALFORMED_DICOM'), cstore: notAssessable() },
  );
  add(
    'dicom-sequence-of-garbage.dcm',
    'a sequence (SQ) whose value is not items but text',
    dicomFile('sq-garbage', {
      set: { 0x00081115: element(0x00081115, 'SQ', 'this is not a sequence item at all!') },
    }),
    httpDoors(refused('MALFORMED_DICOM')),
  );

  // Absurd lengths
  add(
    'dicom-length-fffffff0.dcm',
    'an OB element claiming 0xFFFFFFF0 bytes',
    dicomFile('len-fffffff0', {
      set: { 0x00091001: element(0x00091001, 'OB', Buffer.alloc(8), { length: 0xfffffff0 }) },
    }),
    httpDoors(refused('TRUNCATED')),
  );
  add(
    'dicom-pixel-data-length-fffffff0.dcm',
    'Pixel Data claiming 0xFFFFFFF0 bytes',
    dicomFile('pd-fffffff0', {
      pixelData: element(tags.pixelData, 'OW', nativePixels(ROWS, COLUMNS), { length: 0xfffffff0 }),
    }),
    httpDoors(refused('TRUNCATED')),
  );
  add(
    'dicom-string-undefined-length.dcm',
    'a UT element with undefined length (only sequences may have one)',
    dicomFile('ut-undefined', {
      set: { 0x00204000: element(0x00204000, 'UT', 'comment', { length: UNDEFINED }) },
    }),
    httpDoors(refused('MALFORMED_DICOM')),
  );
  add(
    'dicom-short-length-ffff.dcm',
    'StationName (SH) claiming 65535 bytes',
    dicomFile('sh-ffff', { set: { 0x00081010: element(0x00081010, 'SH', 'HOSTILE', { length: 0xffff }) } }),
    httpDoors(refused('TRUNCATED')),
  );
  add(
    'dicom-nested-sequences.dcm',
    '4000 sequences nested in each other (undefined lengths)',
    dicomFile('nested', { set: { 0x00081115: nestedSequences(4000) } }),
    everyDoor(refused('MALFORMED_DICOM')),
  );
  add(
    'dicom-implicit-absurd-length.dcm',
    'implicit VR: PatientID claiming 0x7FFFFFFF bytes',
    implicitFile(),
    httpDoors(refused('TRUNCATED')),
  );

  // Pixel data that does not match Rows × Columns × Samples × Bits
  add(
    'dicom-pixels-half.dcm',
    'Pixel Data half as long as Rows × Columns × 2 (a well-formed element)',
    dicomFile('pixels-half', { pixelData: element(tags.pixelData, 'OW', nativePixels(ROWS / 2, COLUMNS)) }),
    everyDoor(refused('TRUNCATED')),
  );
  add(
    'dicom-pixels-double.dcm',
    'Pixel Data twice as long as the header declares',
    dicomFile('pixels-double', { pixelData: element(tags.pixelData, 'OW', nativePixels(ROWS * 2, COLUMNS)) }),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-pixels-one-row-short.dcm',
    'Pixel Data one row short',
    dicomFile('pixels-row-short', {
      pixelData: element(tags.pixelData, 'OW', nativePixels(ROWS - 1, COLUMNS)),
    }),
    everyDoor(refused('TRUNCATED')),
  );
  add(
    'dicom-pixel-data-empty.dcm',
    'Pixel Data present with length 0',
    dicomFile('pixels-empty', { pixelData: element(tags.pixelData, 'OW', Buffer.alloc(0)) }),
    everyDoor(refused('MISSING_ATTRIBUTE')),
  );
  add(
    'dicom-no-pixel-data.dcm',
    'a DX image without Pixel Data',
    dicomFile('no-pixels', { set: { [tags.pixelData]: null } }),
    everyDoor(refused('MISSING_ATTRIBUTE')),
  );

  // Sizes and formats
  add(
    'dicom-0x0.dcm',
    'Rows = Columns = 0, with pixels',
    dicomFile('0x0', { set: { [tags.rows]: us(tags.rows, 0), [tags.columns]: us(tags.columns, 0) } }),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-1x1.dcm',
    'a 1 × 1 image',
    dicomFile('1x1', {
      set: { [tags.rows]: us(tags.rows, 1), [tags.columns]: us(tags.columns, 1) },
      pixelData: element(tags.pixelData, 'OW', nativePixels(1, 1)),
    }),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-65535x65535.dcm',
    'Rows = Columns = 65535 (the US maximum: 4.3 gigapixels) over 10 kB of pixels',
    dicomFile('65535', {
      set: { [tags.rows]: us(tags.rows, 65535), [tags.columns]: us(tags.columns, 65535) },
    }),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-100000x100000-ul.dcm',
    'Rows = Columns = 100 000, written as UL since US cannot hold it',
    dicomFile('100000', {
      set: {
        [tags.rows]: element(tags.rows, 'UL', 100000),
        [tags.columns]: element(tags.columns, 'UL', 100000),
      },
    }),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-bits-allocated-0.dcm',
    'Bits Allocated 0',
    dicomFile('bits-0', { set: { [tags.bitsAllocated]: us(tags.bitsAllocated, 0) } }),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-bits-allocated-64.dcm',
    'Bits Allocated 64, with Pixel Data of that size',
    dicomFile('bits-64', {
      set: { [tags.bitsAllocated]: us(tags.bitsAllocated, 64) },
      pixelData: element(tags.pixelData, 'OW', Buffer.alloc(ROWS * COLUMNS * 8)),
    }),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-rgb.dcm',
    'an RGB image (3 samples per pixel) where a greyscale radiograph is expected',
    dicomFile('rgb', {
      set: {
        [tags.samples]: us(tags.samples, 3),
        [tags.photometric]: element(tags.photometric, 'CS', 'RGB'),
        [tags.bitsAllocated]: us(tags.bitsAllocated, 8),
        [tags.bitsStored]: us(tags.bitsStored, 8),
        [tags.highBit]: us(tags.highBit, 7),
        0x00280006: us(0x00280006, 0),
      },
      pixelData: element(tags.pixelData, 'OW', Buffer.alloc(ROWS * COLUMNS * 3, 90)),
    }),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-spacing-negative.dcm',
    'Imager Pixel Spacing -0.15\\-0.15 mm',
    dicomFile('spacing-negative', { set: { [tags.spacing]: ds(tags.spacing, '-0.15\\-0.15') } }),
    everyDoor(notAssessable({ pixelSpacingSource: 'estimated' })),
  );
  add(
    'dicom-spacing-absurd.dcm',
    'Imager Pixel Spacing 1000000\\1000000 mm',
    dicomFile('spacing-absurd', { set: { [tags.spacing]: ds(tags.spacing, '1000000\\1000000') } }),
    everyDoor(notAssessable({ pixelSpacingSource: 'estimated' })),
  );
  add(
    'dicom-structured-report.dcm',
    'a Basic Text SR: a DICOM object with no pixel data at all',
    srFile(),
    httpDoors(refused('UNSUPPORTED_SOP_CLASS')),
  );
  add(
    'dicom-unknown-transfer-syntax.dcm',
    'transfer syntax 1.2.3.4.5, which nobody defines',
    dicomFile('ts-unknown', {}, { transferSyntax: '1.2.3.4.5' }),
    httpDoors(refused('UNSUPPORTED_TRANSFER_SYNTAX')),
  );
  add(
    'dicom-big-endian.dcm',
    'explicit VR big endian (retired), not read',
    dicomFile('ts-big-endian', {}, { transferSyntax: TS.bigEndian }),
    httpDoors(refused('UNSUPPORTED_TRANSFER_SYNTAX')),
  );

  // Decompression bombs: small files that claim huge images
  const claims = (name, rows, columns, pixelData, transferSyntax) =>
    dicomFile(
      name,
      { set: { [tags.rows]: us(tags.rows, rows), [tags.columns]: us(tags.columns, columns) }, pixelData },
      { transferSyntax },
    );
  add(
    'dicom-rle-bomb.dcm',
    'RLE: the header claims 8000 × 7999 (128 MB decoded) over two 100-byte segments',
    claims('rle-bomb', 7999, 8000, encapsulated(rleFrame(100)), TS.rle),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-jpegls-65535.dcm',
    'JPEG-LS: header and SOF55 claim 65535 × 65535 over 64 bytes of scan',
    claims('jpegls-65535', 65535, 65535, encapsulated(jpegLs(65535, 65535, Buffer.alloc(64))), TS.jpegLs),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-jpegls-bomb.dcm',
    'JPEG-LS: header and SOF55 claim 8000 × 7999 (under the cap) over 64 bytes of scan',
    claims('jpegls-bomb', 7999, 8000, encapsulated(jpegLs(8000, 7999, Buffer.alloc(64))), TS.jpegLs),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-jpegls-corrupt.dcm',
    `JPEG-LS: a 256 × 256 frame whose scan is 4 kB of random bytes (seed ${SEED}), for the decoder to fail on`,
    claims('jpegls-corrupt', 256, 256, encapsulated(jpegLs(256, 256, randomBytes(random, 4096))), TS.jpegLs),
    everyDoor(eitherWay),
  );
  add(
    'dicom-jpeg-bomb.dcm',
    "JPEG baseline: header and SOF0 claim 8000 × 7999 over a 64 × 64 image's scan",
    claims('jpeg-bomb', 7999, 8000, encapsulated(claimSize(jpegFile(64, 64), 8000, 7999)), TS.jpegBaseline),
    everyDoor(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-deflate-bomb.dcm',
    'deflated data set inflating to 150 MB (Pixel Data of zeros), past the 144 MB bound',
    deflateBomb(),
    httpDoors(refused('CORRUPT_PIXEL_DATA')),
  );
  add(
    'dicom-deflate-65535.dcm',
    'deflated data set whose header claims 65535 × 65535',
    deflated('deflate-65535', {
      set: { [tags.rows]: us(tags.rows, 65535), [tags.columns]: us(tags.columns, 65535) },
    }),
    httpDoors(refused('CORRUPT_PIXEL_DATA')),
  );

  // PNG
  add(
    'png-100000x100000.png',
    'IHDR claims 100 000 × 100 000 over a 1 kB zlib stream',
    png(ihdr(100000, 100000), deflateSync(Buffer.alloc(1000))),
    notDicom('CORRUPT_PIXEL_DATA'),
  );
  add(
    'png-0x0.png',
    'IHDR claims 0 × 0',
    png(ihdr(0, 0), deflateSync(Buffer.alloc(1))),
    notDicom('CORRUPT_PIXEL_DATA'),
  );
  add('png-1x1.png', 'a valid 1 × 1 PNG', png(ihdr(1, 1), greyIdat(1, 1)), notDicom('CORRUPT_PIXEL_DATA'));
  add(
    'png-idat-bomb.png',
    'IHDR says 1000 × 1000 (1 MB) but IDAT inflates to 200 MB',
    png(ihdr(1000, 1000), deflateSync(Buffer.alloc(200e6), { level: 9 })),
    notDicom('CORRUPT_PIXEL_DATA'),
  );
  add(
    'png-iccp-bomb.png',
    'a uniform 64 × 80 image with an ICC profile (iCCP) inflating to 200 MB',
    png(ihdr(COLUMNS, ROWS), greyIdat(COLUMNS, ROWS), [
      chunk(
        'iCCP',
        Buffer.concat([Buffer.from('bomb\0\0', 'latin1'), deflateSync(Buffer.alloc(200e6), { level: 9 })]),
      ),
    ]),
    { upload: notAssessable(), stow: refused('NOT_DICOM') },
  );
  add(
    'png-64mp-uniform.png',
    'a well-formed 16-bit 8000 × 7999 PNG (just under the 64 MP cap, 128 MB decoded) of zeros in 125 kB',
    png(ihdr(8000, 7999, 16), deflateSync(rows16(8000, 7999), { level: 9 })),
    { upload: notAssessable(), stow: refused('NOT_DICOM') },
  );
  add(
    'png-corrupt-stream.png',
    'valid header, IDAT bytes overwritten with random bytes',
    png(ihdr(COLUMNS, ROWS), randomBytes(random, greyIdat(COLUMNS, ROWS).length)),
    notDicom('CORRUPT_PIXEL_DATA'),
  );
  add(
    'png-truncated.png',
    'a valid PNG cut in its IDAT chunk',
    png(ihdr(COLUMNS, ROWS), greyIdat(COLUMNS, ROWS)).subarray(0, 60),
    notDicom('CORRUPT_PIXEL_DATA'),
  );

  // JPEG
  const smallJpeg = jpegFile(64, 64);
  add(
    'jpeg-bomb.jpg',
    "SOF0 claims 8000 × 3999 over a 64 × 64 image's scan (a few hundred bytes)",
    claimSize(smallJpeg, 8000, 3999),
    notDicom('CORRUPT_PIXEL_DATA'),
  );
  add(
    'jpeg-65535x65535.jpg',
    'SOF0 claims 65535 × 65535',
    claimSize(smallJpeg, 65535, 65535),
    notDicom('CORRUPT_PIXEL_DATA'),
  );
  add('jpeg-0x0.jpg', 'SOF0 claims 0 × 0', claimSize(smallJpeg, 0, 0), notDicom('CORRUPT_PIXEL_DATA'));
  add(
    'jpeg-truncated.jpg',
    'cut halfway through its scan (no EOI)',
    smallJpeg.subarray(0, Math.floor((scanStart(smallJpeg) + smallJpeg.length) / 2)),
    notDicom('CORRUPT_PIXEL_DATA'),
  );
  const corrupt = Buffer.from(jpegFile(COLUMNS, ROWS));
  const scan = scanStart(corrupt);
  for (let i = scan; i < corrupt.length - 2; i++) corrupt[i] = Math.floor(random() * 256);
  add('jpeg-corrupt-stream.jpg', 'valid headers, entropy-coded data replaced by random bytes', corrupt, {
    upload: eitherWay,
    stow: refused('NOT_DICOM'),
  });

  // Not images at all
  add(
    'pdf-document.pdf',
    'a PDF document',
    Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      'latin1',
    ),
    notDicom('NOT_AN_IMAGE'),
  );
  add(
    'zip-archive.zip',
    'a ZIP archive holding one DICOM file',
    zipOf('inner.dcm', dicomFile('zipped')),
    notDicom('NOT_AN_IMAGE'),
  );
  add(
    'plain-text.txt',
    'a text file',
    Buffer.from('Patient list for room 3, not an image.\n'),
    notDicom('NOT_AN_IMAGE'),
  );
  add(
    'html-page.html',
    'an HTML page',
    Buffer.from(
      '<!doctype html>\n<html>\n  <head>\n    <title>Not an image</title>\n  </head>\n  <body>\n    <p>Hello</p>\n  </body>\n</html>\n',
    ),
    notDicom('NOT_AN_IMAGE'),
  );
  add('elf-binary.elf', 'the header of a 64-bit ELF executable', elfHeader(), notDicom('NOT_AN_IMAGE'));
  add('empty-file.bin', 'zero bytes', Buffer.alloc(0), {
    upload: refused('NOT_AN_IMAGE'),
    stow: refused('BAD_REQUEST', { recorded: false }),
  });
  return list;
}

function rows16(width, height) {
  return Buffer.alloc(height * (1 + 2 * width)); // filter byte 0 and zero samples on every row
}

function randomBytes(random, length) {
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}

/** `depth` undefined-length sequences, each holding one undefined-length item holding the next. */
function nestedSequences(depth) {
  const open = Buffer.concat([
    element(0x00081115, 'SQ', Buffer.alloc(0), { length: UNDEFINED }),
    itemHeader(0xe000, UNDEFINED),
  ]);
  const close = Buffer.concat([itemHeader(0xe00d, 0), itemHeader(0xe0dd, 0)]);
  return Buffer.concat([...Array(depth).fill(open), ...Array(depth).fill(close)]);
}

function implicitFile() {
  const dataset = Buffer.concat([
    implicitElement(0x00080016, value('UI', DX)),
    implicitElement(0x00080018, value('UI', uid('implicit'))),
    implicitElement(0x00100020, Buffer.from('HOSTILE-0001'), { length: 0x7fffffff }),
  ]);
  return Buffer.concat([part10({ transferSyntax: TS.implicit, sopInstance: 'implicit' }), dataset]);
}

function srFile() {
  const dataset = Buffer.concat([
    element(0x00080016, 'UI', BASIC_TEXT_SR),
    element(0x00080018, 'UI', uid('sr')),
    element(0x00080060, 'CS', 'SR'),
    element(0x00100020, 'LO', 'HOSTILE-0001'),
    element(0x0020000d, 'UI', uid('study')),
    element(0x0020000e, 'UI', uid('sr-series')),
    element(0x0040a040, 'CS', 'CONTAINER'),
    element(0x0040a050, 'CS', 'SEPARATE'),
  ]);
  return Buffer.concat([part10({ sopClass: BASIC_TEXT_SR, sopInstance: 'sr' }), dataset]);
}

function deflated(name, options) {
  const dataset = baseDataset(name, options);
  return Buffer.concat([part10({ transferSyntax: TS.deflated, sopInstance: name }), deflateRawSync(dataset)]);
}

/** The base header, then 150 MB of zero Pixel Data, deflated: ~150 kB that inflate past the reader's bound. */
function deflateBomb() {
  const pixelBytes = 150_000_000;
  const header = baseDataset('deflate-bomb', {
    set: { [tags.rows]: us(tags.rows, 7500), [tags.columns]: us(tags.columns, 10000) },
    pixelData: Buffer.alloc(0),
  });
  const dataset = Buffer.concat([
    header,
    element(tags.pixelData, 'OW', Buffer.alloc(0), { length: pixelBytes }),
    Buffer.alloc(pixelBytes),
  ]);
  return Buffer.concat([
    part10({ transferSyntax: TS.deflated, sopInstance: 'deflate-bomb' }),
    deflateRawSync(dataset, { level: 9 }),
  ]);
}

/** A ZIP archive (stored, no compression) of one file. */
function zipOf(name, content) {
  const nameBytes = Buffer.from(name, 'latin1');
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, content, central, nameBytes, end]);
}

/** An ELF64 header (x86-64 executable) and zero padding: what a binary uploaded by mistake starts with. */
function elfHeader() {
  const out = Buffer.alloc(256);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  out.writeUInt16LE(2, 16); // ET_EXEC
  out.writeUInt16LE(0x3e, 18); // x86-64
  out.writeUInt32LE(1, 20);
  out.writeUInt16LE(64, 52);
  return out;
}

// ---------------------------------------------------------------------------------------------------

async function main(argv) {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : DEFAULT_OUT;
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) rmSync(join(out, name));
  const files = [];
  for (const { name, wrong, bytes, expect } of cases()) {
    writeFileSync(join(out, name), bytes);
    files.push({
      name,
      wrong,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sendTo: Object.keys(expect),
      expect,
    });
  }
  const manifest = {
    description:
      'Hostile inputs for SpineQC: what is wrong with each file, where test/integration/hostile.spec.ts sends it, ' +
      'and what each entry point must answer. Made by tools/hostile-corpus.mjs; regenerate rather than edit.',
    seed: SEED,
    outcomes: {
      refused:
        'a 4xx JSON answer (upload), a failed instance (STOW-RS) or a failure status (C-STORE) with `code`, ' +
        'recorded in /api/ingest-failures unless `recorded` is false',
      'not-assessable': 'accepted; the exam ends judged "not assessable" (or failed), with a reason',
      'refused-or-not-assessable': 'either of the above (random damage decides which)',
    },
    files,
  };
  const text = await prettier.format(JSON.stringify(manifest), { parser: 'json', printWidth: 110 });
  writeFileSync(join(out, 'manifest.json'), text);
  const total = files.reduce((n, f) => n + f.bytes, 0);
  console.log(`hostile corpus: ${files.length} files, ${total} bytes in ${out}`);
}

await main(process.argv.slice(2));
