import { readDicom, writeDxDicom, type DxImage } from '@spineqc/imaging';
import { describe, expect, it } from 'vitest';
import { BenchPipelineError } from './bench-pipeline-error.js';
import { splitPart10 } from './part10.js';

const EXPLICIT_LE = '1.2.840.10008.1.2.1';

function film(): Uint8Array {
  const width = 32;
  const height = 40;
  const pixels = new Uint16Array(width * height).map((_, i) => i % 4096);
  return writeDxDicom({
    width,
    height,
    pixels,
    bitsStored: 12,
    pixelSpacingMm: [0.4, 0.4],
    viewPosition: 'AP',
    bodyPartExamined: 'LSPINE',
    operatorsName: 'Tech^One',
    stationName: 'ROOM-1',
    patientId: 'P1',
    patientName: 'Doe^Jane',
    sopInstanceUid: '2.25.1234',
    studyInstanceUid: '2.25.1235',
    seriesInstanceUid: '2.25.1236',
    studyDate: '20260101',
    studyTime: '120000',
  } satisfies DxImage);
}

describe('splitPart10', () => {
  it('finds the transfer syntax and the data set that follows the File Meta Information', () => {
    const bytes = film();
    const { transferSyntaxUid, dataset } = splitPart10(bytes);
    expect(transferSyntaxUid).toBe(EXPLICIT_LE);
    // The first data set element is in a group after 0002 (here 0008), little endian.
    expect(dataset[0] | (dataset[1] << 8)).toBe(0x0008);
    expect(dataset.byteOffset + dataset.length).toBe(bytes.byteOffset + bytes.length);
    expect(readDicom(bytes).sopInstanceUid).toBe('2.25.1234');
  });

  it('refuses bytes that are not Part 10', () => {
    expect(() => splitPart10(new Uint8Array(200))).toThrow(BenchPipelineError);
    expect(() => splitPart10(new Uint8Array(10))).toThrow(/DICM/);
  });
});
