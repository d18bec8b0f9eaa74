import { describe, expect, it } from 'vitest';
import {
  FILM_HEIGHT,
  FILM_WIDTH,
  bareDataset,
  dcmtk,
  dxFilm,
  modify,
  replaceCodestream,
  transcode,
} from './compressed.fixtures.js';
import { checkPixelDataComplete, readDicomHeader, type DicomHeader } from './dicom-header.js';
import { TRANSFER_SYNTAX } from './dicom-uids.js';
import { writeDxDicom } from './dicom-write.js';
import { ImagingError, type ImagingErrorCode } from './errors.js';

const film = dxFilm();
const source = writeDxDicom(film);
const nativeLength = FILM_WIDTH * FILM_HEIGHT * 2;

function codeOf(attempt: () => unknown): ImagingErrorCode | undefined {
  try {
    attempt();
  } catch (error) {
    if (error instanceof ImagingError) return error.code;
    throw error;
  }
  return undefined;
}

describe('readDicomHeader', () => {
  it('returns what ingest needs from an uncompressed Part 10 file', () => {
    const header = readDicomHeader(source);
    expect(header).toEqual({
      transferSyntaxUid: TRANSFER_SYNTAX.explicitLittleEndian,
      sopClassUid: '1.2.840.10008.5.1.4.1.1.1.1',
      sopInstanceUid: film.sopInstanceUid,
      studyInstanceUid: film.studyInstanceUid,
      seriesInstanceUid: film.seriesInstanceUid,
      modality: 'DX',
      patientId: 'PAT-0001',
      stationName: 'DR-ROOM-2',
      operatorsName: 'Jansen^Eva',
      viewPosition: 'LL',
      bodyPartExamined: 'LSPINE',
      rows: FILM_HEIGHT,
      columns: FILM_WIDTH,
      samplesPerPixel: 1,
      bitsAllocated: 16,
      bitsStored: 12,
      photometricInterpretation: 'MONOCHROME2',
      numberOfFrames: 1,
      pixelSpacingMm: [0.148, 0.152],
      pixelSpacingSource: 'ImagerPixelSpacing',
      pixelDataLength: nativeLength,
      pixelDataEncapsulated: false,
      acquisition: {
        manufacturer: null,
        manufacturerModelName: null,
        kvp: null,
        exposureMas: null,
        exposureInuAs: null,
        exposureIndex: null,
        targetExposureIndex: null,
        deviationIndex: null,
        pixelSpacing: null,
        imagerPixelSpacing: [0.148, 0.152],
        acquisitionDateTime: null,
        contentDate: '20240517',
        contentTime: '093012',
      },
    } satisfies DicomHeader);
    expect(() => checkPixelDataComplete(header)).not.toThrow();
  });

  it('reads the acquisition a reviewer checks: device, technique, exposure indices, spacings, time', () => {
    const acquired = writeDxDicom(
      dxFilm({
        manufacturer: 'Phantom Imaging',
        modelName: 'DR-9000',
        kvp: 85,
        exposureMas: 12.5,
        exposureIndex: 310,
        targetExposureIndex: 250,
        deviationIndex: 0.93,
      }),
    );
    const file = modify(acquired, [
      '-i',
      '(0028,0030)=0.15\\0.151',
      '-i',
      '(0008,002a)=20240517093011.250000',
    ]);
    expect(readDicomHeader(file).acquisition).toEqual({
      manufacturer: 'Phantom Imaging',
      manufacturerModelName: 'DR-9000',
      kvp: 85,
      exposureMas: 13,
      exposureInuAs: 12500,
      exposureIndex: 310,
      targetExposureIndex: 250,
      deviationIndex: 0.93,
      pixelSpacing: [0.15, 0.151],
      imagerPixelSpacing: [0.148, 0.152],
      acquisitionDateTime: '20240517093011.250000',
      contentDate: '20240517',
      contentTime: '093012',
    });
  });

  it('reads implicit VR and compressed files, reporting the compressed size', async () => {
    const implicit = readDicomHeader(dcmtk('dcmconv', ['+ti'], source));
    expect(implicit).toMatchObject({
      transferSyntaxUid: TRANSFER_SYNTAX.implicitLittleEndian,
      rows: FILM_HEIGHT,
    });
    for (const [file, syntax] of [
      [dcmtk('dcmcjpls', ['+el'], source), TRANSFER_SYNTAX.jpegLsLossless],
      [dcmtk('dcmcjpeg', ['+e1', '+fs', '4'], source), TRANSFER_SYNTAX.jpegLosslessSv1],
      [await transcode(source, TRANSFER_SYNTAX.jpeg2000Lossless), TRANSFER_SYNTAX.jpeg2000Lossless],
    ] as const) {
      const header = readDicomHeader(file);
      expect(header).toMatchObject({
        transferSyntaxUid: syntax,
        sopInstanceUid: film.sopInstanceUid,
        stationName: 'DR-ROOM-2',
        rows: FILM_HEIGHT,
        columns: FILM_WIDTH,
        pixelDataEncapsulated: true,
      });
      expect(header.pixelDataLength).toBeGreaterThan(1000);
      expect(header.pixelDataLength).toBeLessThan(nativeLength);
      expect(() => checkPixelDataComplete(header)).not.toThrow();
    }
  });

  it('reads a bare data set with the transfer syntax the caller gives, or sniffs an uncompressed one', () => {
    const jls = bareDataset(dcmtk('dcmcjpls', ['+el'], source));
    const header = readDicomHeader(jls, { transferSyntaxUid: TRANSFER_SYNTAX.jpegLsLossless });
    expect(header).toMatchObject({
      transferSyntaxUid: TRANSFER_SYNTAX.jpegLsLossless,
      pixelDataEncapsulated: true,
    });
    const implicit = bareDataset(dcmtk('dcmconv', ['+ti'], source));
    expect(readDicomHeader(implicit)).toMatchObject({
      transferSyntaxUid: TRANSFER_SYNTAX.implicitLittleEndian,
      sopInstanceUid: film.sopInstanceUid,
      pixelDataLength: nativeLength,
    });
  });

  it('does not decode pixels: a garbage codestream still gives the header', () => {
    const garbage = replaceCodestream(dcmtk('dcmcjpls', ['+el'], source), () => new Uint8Array(64).fill(7));
    expect(readDicomHeader(garbage)).toMatchObject({
      sopInstanceUid: film.sopInstanceUid,
      pixelDataLength: 64,
    });
  });

  it('NOT_DICOM for other content', () => {
    expect(codeOf(() => readDicomHeader(new TextEncoder().encode('%PDF-1.7 definitely not DICOM')))).toBe(
      'NOT_DICOM',
    );
  });

  it('TRUNCATED for a file cut short inside an element, compressed or not', () => {
    for (const file of [source, dcmtk('dcmconv', ['+ti'], source), dcmtk('dcmcrle', [], source)]) {
      expect(codeOf(() => readDicomHeader(file.subarray(0, file.length - 100)))).toBe('TRUNCATED');
      // Inside the value of SOP Instance UID (0008,0018).
      const sopInstance = file.findIndex(
        (b, i) => b === 0x08 && file[i + 1] === 0 && file[i + 2] === 0x18 && !file[i + 3],
      );
      expect(codeOf(() => readDicomHeader(file.subarray(0, sopInstance + 12)))).toBe('TRUNCATED');
    }
    expect(codeOf(() => readDicomHeader(source.subarray(0, 150)))).toBe('TRUNCATED'); // inside the file meta
  });

  it('UNSUPPORTED_TRANSFER_SYNTAX for one no reader decodes', () => {
    expect(codeOf(() => readDicomHeader(dcmtk('dcmconv', ['+tb'], source)))).toBe(
      'UNSUPPORTED_TRANSFER_SYNTAX',
    );
    const mpeg = bareDataset(source);
    expect(codeOf(() => readDicomHeader(mpeg, { transferSyntaxUid: '1.2.840.10008.1.2.4.100' }))).toBe(
      'UNSUPPORTED_TRANSFER_SYNTAX',
    );
  });

  it('MISSING_ATTRIBUTE without a SOP Instance UID or SOP Class UID', () => {
    expect(codeOf(() => readDicomHeader(modify(source, ['-e', '(0008,0018)'])))).toBe('MISSING_ATTRIBUTE');
    expect(() => readDicomHeader(modify(source, ['-e', '(0008,0016)']))).toThrow(/SOP Class UID/);
  });
});

describe('checkPixelDataComplete', () => {
  it('TRUNCATED when native Pixel Data is shorter than the image it declares', () => {
    const short = modify(source, ['-m', `(0028,0010)=${FILM_HEIGHT + 1}`]);
    const header = readDicomHeader(short);
    expect(codeOf(() => checkPixelDataComplete(header))).toBe('TRUNCATED');
    expect(() => checkPixelDataComplete(header)).toThrow(`${nativeLength} bytes`);
    const frames = readDicomHeader(modify(source, ['-i', '(0028,0008)=2']));
    expect(codeOf(() => checkPixelDataComplete(frames))).toBe('TRUNCATED');
  });

  it('NO_PIXEL_DATA for an object without pixels', () => {
    const header = readDicomHeader(modify(source, ['-e', '(7fe0,0010)']));
    expect(header.pixelDataLength).toBe(0);
    expect(codeOf(() => checkPixelDataComplete(header))).toBe('NO_PIXEL_DATA');
  });
});
