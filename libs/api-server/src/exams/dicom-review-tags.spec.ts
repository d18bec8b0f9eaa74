import { newUid, readDicomHeader, writeDxDicom } from '@spineqc/imaging';
import { describe, expect, it } from 'vitest';
import { dicomReviewTags } from './dicom-review-tags.js';

const film = {
  width: 64,
  height: 80,
  pixels: new Uint16Array(64 * 80).map((_, i) => (i * 37) % 4096),
  bitsStored: 12,
  pixelSpacingMm: [0.15, 0.15] as [number, number],
  viewPosition: 'AP' as const,
  bodyPartExamined: 'LSPINE',
  operatorsName: 'Jansen^Eva',
  stationName: 'DR-ROOM-2',
  patientId: 'PAT-7781',
  patientName: 'Doe^Jane',
  patientBirthDate: '19610203',
  patientSex: 'F' as const,
  accessionNumber: 'ACC-5521',
  studyInstanceUid: newUid(),
  seriesInstanceUid: newUid(),
  sopInstanceUid: newUid(),
  studyDate: '20261127',
  studyTime: '101500',
  kvp: 81,
  exposureMas: 20,
  exposureIndex: 400,
  targetExposureIndex: 320,
  deviationIndex: 0.97,
  manufacturer: 'Phantom Imaging',
  modelName: 'DR-9000',
};

describe('dicomReviewTags', () => {
  it('gives the acquisition a reviewer checks, by DICOM keyword', () => {
    expect(dicomReviewTags(readDicomHeader(writeDxDicom(film)))).toEqual({
      ViewPosition: 'AP',
      BodyPartExamined: 'LSPINE',
      StationName: 'DR-ROOM-2',
      OperatorsName: 'Jansen^Eva',
      Manufacturer: 'Phantom Imaging',
      ManufacturerModelName: 'DR-9000',
      KVP: 81,
      Exposure: 20,
      ExposureInuAs: 20000,
      ExposureIndex: 400,
      TargetExposureIndex: 320,
      DeviationIndex: 0.97,
      PixelSpacing: null,
      ImagerPixelSpacing: [0.15, 0.15],
      Rows: 80,
      Columns: 64,
      PhotometricInterpretation: 'MONOCHROME2',
      BitsStored: 12,
      TransferSyntaxUID: '1.2.840.10008.1.2.1',
      SOPClassUID: '1.2.840.10008.5.1.4.1.1.1.1',
      AcquisitionDateTime: null,
      ContentDate: '20261127',
      ContentTime: '101500',
    });
  });

  it('carries no patient identity and no identifying study numbers', () => {
    const text = JSON.stringify(dicomReviewTags(readDicomHeader(writeDxDicom(film))));
    for (const secret of ['PAT-7781', 'Doe', 'Jane', '19610203', 'ACC-5521', film.studyInstanceUid]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/Patient/i);
  });
});
