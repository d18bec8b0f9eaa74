import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDicom } from './dicom-read.js';
import { TRANSFER_SYNTAX } from './dicom-uids.js';
import { ImagingError, type ImagingErrorCode } from './errors.js';

// Files are built here byte by byte, independently of dcmjs, so the reader is tested against the
// standard's encoding rather than against the library that also writes.

interface Element {
  tag: number;
  vr: string;
  value: Uint8Array;
}

const LONG_VRS = new Set(['OB', 'OW', 'SQ', 'UN', 'UT']);

function text(tag: number, vr: string, value: string): Element {
  const bytes = new TextEncoder().encode(value);
  if (bytes.length % 2 === 0) return { tag, vr, value: bytes };
  const padded = new Uint8Array(bytes.length + 1);
  padded.set(bytes);
  padded[bytes.length] = vr === 'UI' ? 0 : 0x20;
  return { tag, vr, value: padded };
}

function us(tag: number, value: number): Element {
  return { tag, vr: 'US', value: Uint8Array.from([value & 0xff, value >> 8]) };
}

function words(tag: number, values: number[]): Element {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setUint16(2 * i, v & 0xffff, true));
  return { tag, vr: 'OW', value: bytes };
}

function encode(elements: Element[], explicit: boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const { tag, vr, value } of [...elements].sort((a, b) => a.tag - b.tag)) {
    const long = LONG_VRS.has(vr);
    const header = new Uint8Array(explicit ? (long ? 12 : 8) : 8);
    const view = new DataView(header.buffer);
    view.setUint16(0, tag >>> 16, true);
    view.setUint16(2, tag & 0xffff, true);
    if (!explicit) view.setUint32(4, value.length, true);
    else {
      header[4] = vr.charCodeAt(0);
      header[5] = vr.charCodeAt(1);
      if (long) view.setUint32(8, value.length, true);
      else view.setUint16(6, value.length, true);
    }
    parts.push(header, value);
  }
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function part10(transferSyntax: string, dataset: Uint8Array): Uint8Array {
  const meta = encode(
    [
      { tag: 0x00020001, vr: 'OB', value: Uint8Array.from([0, 1]) },
      text(0x00020002, 'UI', '1.2.840.10008.5.1.4.1.1.1'),
      text(0x00020003, 'UI', '1.2.3.4'),
      text(0x00020010, 'UI', transferSyntax),
    ],
    true,
  );
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, meta.length, true);
  const groupLength = concat([Uint8Array.from([0x02, 0x00, 0x00, 0x00, 0x55, 0x4c, 0x04, 0x00]), length]);
  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128);
  return concat([preamble, groupLength, meta, dataset]);
}

interface Spec {
  rows?: number;
  columns?: number;
  photometric?: string;
  samplesPerPixel?: number;
  bitsAllocated?: number;
  bitsStored?: number;
  pixelRepresentation?: number;
  pixels?: number[];
  pixelBytes?: Uint8Array;
  extra?: Element[];
  omitPixels?: boolean;
}

/** A small CR image (3 × 2 unless told otherwise) with the attributes QC reads. */
function dataset(spec: Spec = {}): Element[] {
  const rows = spec.rows ?? 2;
  const columns = spec.columns ?? 3;
  const bitsAllocated = spec.bitsAllocated ?? 16;
  const bitsStored = spec.bitsStored ?? 12;
  const elements: Element[] = [
    text(0x00080016, 'UI', '1.2.840.10008.5.1.4.1.1.1'),
    text(0x00080018, 'UI', '1.2.3.4'),
    text(0x00080060, 'CS', 'CR'),
    text(0x00081010, 'SH', 'ROOM7'),
    text(0x00081070, 'PN', 'Smith^Ann'),
    text(0x00100020, 'LO', 'ID-77'),
    text(0x00180015, 'CS', 'LSPINE'),
    text(0x00181411, 'DS', '250.5'),
    text(0x00181412, 'DS', '300'),
    text(0x00181413, 'DS', '-0.79'),
    text(0x00185101, 'CS', 'LL'),
    text(0x0020000d, 'UI', '1.2.3.5'),
    text(0x00280030, 'DS', '0.2\\0.25'),
    us(0x00280002, spec.samplesPerPixel ?? 1),
    text(0x00280004, 'CS', spec.photometric ?? 'MONOCHROME2'),
    us(0x00280010, rows),
    us(0x00280011, columns),
    us(0x00280100, bitsAllocated),
    us(0x00280101, bitsStored),
    us(0x00280102, bitsStored - 1),
    us(0x00280103, spec.pixelRepresentation ?? 0),
    ...(spec.extra ?? []),
  ];
  if (!spec.omitPixels) {
    const pixels = spec.pixels ?? [0, 100, 1000, 2000, 4000, 4095];
    elements.push(
      spec.pixelBytes
        ? { tag: 0x7fe00010, vr: bitsAllocated === 8 ? 'OB' : 'OW', value: spec.pixelBytes }
        : words(0x7fe00010, pixels),
    );
  }
  return elements;
}

function file(spec: Spec = {}, syntax: string = TRANSFER_SYNTAX.implicitLittleEndian): Uint8Array {
  return part10(syntax, encode(dataset(spec), syntax !== TRANSFER_SYNTAX.implicitLittleEndian));
}

function codeOf(attempt: () => unknown): ImagingErrorCode | undefined {
  try {
    attempt();
  } catch (error) {
    if (error instanceof ImagingError) return error.code;
    throw error;
  }
  return undefined;
}

describe('readDicom on uncompressed little endian', () => {
  it('reads implicit VR little endian', () => {
    const image = readDicom(file());
    expect(image).toMatchObject({
      width: 3,
      height: 2,
      bitsStored: 12,
      photometricInterpretation: 'MONOCHROME2',
      transferSyntaxUid: TRANSFER_SYNTAX.implicitLittleEndian,
      modality: 'CR',
      viewPosition: 'LL',
      bodyPartExamined: 'LSPINE',
      operatorsName: 'Smith^Ann',
      stationName: 'ROOM7',
      patientId: 'ID-77',
      sopInstanceUid: '1.2.3.4',
      studyInstanceUid: '1.2.3.5',
      exposureIndex: 250.5,
      targetExposureIndex: 300,
      deviationIndex: -0.79,
      pixelSpacingMm: [0.2, 0.25],
      pixelSpacingSource: 'PixelSpacing',
    });
    expect(Array.from(image.pixels)).toEqual([0, 100, 1000, 2000, 4000, 4095]);
  });

  it('reads explicit VR little endian and prefers ImagerPixelSpacing', () => {
    const extra = [text(0x00181164, 'DS', '0.139\\0.141')];
    const image = readDicom(file({ extra }, TRANSFER_SYNTAX.explicitLittleEndian));
    expect(image.pixelSpacingMm).toEqual([0.139, 0.141]);
    expect(image.pixelSpacingSource).toBe('ImagerPixelSpacing');
    expect(Array.from(image.pixels)).toEqual([0, 100, 1000, 2000, 4000, 4095]);
  });

  it('reads deflated explicit VR little endian', () => {
    const inflated = encode(dataset(), true);
    const image = readDicom(part10(TRANSFER_SYNTAX.deflatedExplicitLittleEndian, deflateRawSync(inflated)));
    expect(Array.from(image.pixels)).toEqual([0, 100, 1000, 2000, 4000, 4095]);
  });

  it('reports no spacing as null and missing exposure indices as undefined', () => {
    const elements = dataset().filter((e) => e.tag !== 0x00280030 && e.tag >>> 4 !== 0x0018141);
    const image = readDicom(part10(TRANSFER_SYNTAX.implicitLittleEndian, encode(elements, false)));
    expect(image.pixelSpacingMm).toBeNull();
    expect(image.exposureIndex).toBeUndefined();
    expect(image.targetExposureIndex).toBeUndefined();
    expect(image.deviationIndex).toBeUndefined();
  });

  it('inverts MONOCHROME1 so that bone is bright, window included', () => {
    const extra = [text(0x00281050, 'DS', '1000'), text(0x00281051, 'DS', '2000')];
    const image = readDicom(file({ photometric: 'MONOCHROME1', extra }));
    expect(image.photometricInterpretation).toBe('MONOCHROME1');
    expect(Array.from(image.pixels)).toEqual([4095, 3995, 3095, 2095, 95, 0]);
    expect(image.windowCenter).toBe(3095);
    expect(image.windowWidth).toBe(2000);
  });

  it('shifts signed pixel data to start at zero', () => {
    const image = readDicom(file({ pixelRepresentation: 1, pixels: [-2048, -1, 0, 1, 2047, -100] }));
    expect(Array.from(image.pixels)).toEqual([0, 2047, 2048, 2049, 4095, 1948]);
  });

  it('ignores bits above Bits Stored', () => {
    const image = readDicom(file({ bitsStored: 10, pixels: [0xf3ff, 0x0400, 0x0001, 0, 0, 0] }));
    expect(Array.from(image.pixels)).toEqual([1023, 0, 1, 0, 0, 0]);
  });

  it('reverses a negative rescale slope and keeps the rescale values', () => {
    const extra = [text(0x00281052, 'DS', '4095'), text(0x00281053, 'DS', '-1')];
    const image = readDicom(file({ extra }));
    expect(Array.from(image.pixels)).toEqual([4095, 3995, 3095, 2095, 95, 0]);
    expect(image.rescaleSlope).toBe(-1);
    expect(image.rescaleIntercept).toBe(4095);
  });

  it('steps over sequences of undefined length, nested items included', () => {
    const itemEnd = Uint8Array.from([0xfe, 0xff, 0x0d, 0xe0, 0, 0, 0, 0]);
    const sequenceEnd = Uint8Array.from([0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0]);
    const itemStart = Uint8Array.from([0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff]);
    const code = encode([text(0x00080100, 'SH', '122496007'), text(0x00080102, 'SH', 'SCT')], false);
    const sequence = concat([itemStart, code, itemEnd, sequenceEnd]);
    const extra = [{ tag: 0x00082218, vr: 'SQ', value: sequence }];
    const elements = dataset({ extra });
    const bytes = encode(elements, false);
    // Rewrite the sequence's length as undefined (0xFFFFFFFF): find its tag and patch the length.
    const at = bytes.findIndex(
      (_, i) => bytes[i] === 0x08 && bytes[i + 1] === 0 && bytes[i + 2] === 0x18 && bytes[i + 3] === 0x22,
    );
    new DataView(bytes.buffer).setUint32(at + 4, 0xffffffff, true);
    const image = readDicom(part10(TRANSFER_SYNTAX.implicitLittleEndian, bytes));
    expect(image.viewPosition).toBe('LL');
    expect(Array.from(image.pixels)).toEqual([0, 100, 1000, 2000, 4000, 4095]);
  });

  it('reads 8-bit data', () => {
    const image = readDicom(
      file({ bitsAllocated: 8, bitsStored: 8, pixelBytes: Uint8Array.from([0, 1, 2, 3, 254, 255]) }),
    );
    expect(image.bitsStored).toBe(8);
    expect(Array.from(image.pixels)).toEqual([0, 1, 2, 3, 254, 255]);
  });

  it('takes the first frame of a multi-frame object', () => {
    const extra = [text(0x00280008, 'IS', '2')];
    const image = readDicom(file({ extra, pixels: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }));
    expect(image.numberOfFrames).toBe(2);
    expect(Array.from(image.pixels)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads a bare data set as a C-STORE receiver gets it, implicit or explicit', () => {
    expect(Array.from(readDicom(encode(dataset(), false)).pixels)).toEqual([0, 100, 1000, 2000, 4000, 4095]);
    const explicit = readDicom(encode(dataset(), true));
    expect(explicit.transferSyntaxUid).toBe(TRANSFER_SYNTAX.explicitLittleEndian);
    expect(explicit.operatorsName).toBe('Smith^Ann');
    const told = readDicom(encode(dataset(), false), {
      transferSyntaxUid: TRANSFER_SYNTAX.implicitLittleEndian,
    });
    expect(told.viewPosition).toBe('LL');
  });

  it('reads bytes that are a view into a larger buffer, as Node Buffers often are', () => {
    const bytes = file();
    const pool = new Uint8Array(bytes.length + 29).fill(0x7f);
    pool.set(bytes, 13);
    const view = new Uint8Array(pool.buffer, 13, bytes.length);
    expect(Array.from(readDicom(view).pixels)).toEqual([0, 100, 1000, 2000, 4000, 4095]);
  });
});

describe('readDicom refuses what it cannot read', () => {
  it.each([
    ['1.2.840.10008.1.2.4.90', /JPEG 2000 Lossless/],
    ['1.2.840.10008.1.2.4.50', /JPEG Baseline/],
    ['1.2.840.10008.1.2.5', /RLE Lossless/],
    ['1.2.840.10008.1.2.2', /Big Endian/],
  ])('transfer syntax %s → UNSUPPORTED_TRANSFER_SYNTAX naming it', (uid, name) => {
    const bytes = file({}, uid);
    expect(codeOf(() => readDicom(bytes))).toBe('UNSUPPORTED_TRANSFER_SYNTAX');
    expect(() => readDicom(bytes)).toThrow(uid);
    expect(() => readDicom(bytes)).toThrow(name);
  });

  it('NOT_DICOM for other files', () => {
    expect(codeOf(() => readDicom(new TextEncoder().encode('%PDF-1.7 not an image at all, sorry')))).toBe(
      'NOT_DICOM',
    );
    expect(codeOf(() => readDicom(new Uint8Array(0)))).toBe('NOT_DICOM');
  });

  it('NO_PIXEL_DATA for a non-image object', () => {
    expect(codeOf(() => readDicom(file({ omitPixels: true })))).toBe('NO_PIXEL_DATA');
  });

  it('UNSUPPORTED_PHOTOMETRIC for colour images', () => {
    expect(codeOf(() => readDicom(file({ photometric: 'RGB', samplesPerPixel: 3 })))).toBe(
      'UNSUPPORTED_PHOTOMETRIC',
    );
    expect(codeOf(() => readDicom(file({ photometric: 'PALETTE COLOR' })))).toBe('UNSUPPORTED_PHOTOMETRIC');
  });

  it('UNSUPPORTED_PIXEL_FORMAT for 32-bit pixels', () => {
    expect(
      codeOf(() => readDicom(file({ bitsAllocated: 32, bitsStored: 32, pixels: new Array(12).fill(0) }))),
    ).toBe('UNSUPPORTED_PIXEL_FORMAT');
  });

  it('BAD_DICOM for truncated pixel data or a file cut short', () => {
    expect(codeOf(() => readDicom(file({ pixels: [1, 2, 3] })))).toBe('BAD_DICOM');
    const whole = file({}, TRANSFER_SYNTAX.explicitLittleEndian);
    expect(codeOf(() => readDicom(whole.subarray(0, 140)))).toBe('BAD_DICOM');
    expect(codeOf(() => readDicom(whole.subarray(0, whole.length - 5)))).toBe('BAD_DICOM');
    expect(() => readDicom(whole.subarray(0, whole.length - 5))).toThrow(
      /Pixel Data needs 12 bytes but only 7 remain/,
    );
    const deflated = part10(
      TRANSFER_SYNTAX.deflatedExplicitLittleEndian,
      deflateRawSync(encode(dataset(), true)),
    );
    expect(codeOf(() => readDicom(deflated.subarray(0, deflated.length - 20)))).toBe('BAD_DICOM');
    const implicit = file();
    expect(codeOf(() => readDicom(implicit.subarray(0, 300)))).toBe('BAD_DICOM');
  });
});
