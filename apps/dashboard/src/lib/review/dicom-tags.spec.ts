import type { DicomReviewTags } from '@spineqc/contracts';
import { describe, expect, it } from 'vitest';
import { deviationFlag, deviationIndex, tagRows, transferSyntaxName } from './dicom-tags';

const tags: DicomReviewTags = {
  ViewPosition: 'LL',
  BodyPartExamined: 'LSPINE',
  StationName: 'DR-ROOM-2',
  OperatorsName: 'Okafor^Ada',
  Manufacturer: 'Acme',
  ManufacturerModelName: 'FlatPanel 43',
  KVP: 85,
  Exposure: 32,
  ExposureInuAs: null,
  ExposureIndex: 520,
  TargetExposureIndex: 400,
  DeviationIndex: 1.14,
  PixelSpacing: [0.515, 0.514],
  ImagerPixelSpacing: [0.143, 0.143],
  Rows: 659,
  Columns: 446,
  PhotometricInterpretation: 'MONOCHROME2',
  BitsStored: 12,
  TransferSyntaxUID: '1.2.840.10008.1.2.1',
  SOPClassUID: '1.2.840.10008.5.1.4.1.1.1.1',
  AcquisitionDateTime: null,
  ContentDate: null,
  ContentTime: null,
};

const row = (rows: ReturnType<typeof tagRows>, label: string) => rows.find((r) => r.label === label);

describe('tagRows', () => {
  it('lists the acquisition attributes in reading order', () => {
    const rows = tagRows({ format: 'dicom', tags });
    expect(rows.map((r) => r.label)).toEqual([
      'View position',
      'Body part',
      'Station',
      'Operator',
      'Exposure index (EI)',
      'Target EI',
      'Deviation index (DI)',
      'Tube voltage',
      'Exposure',
      'Detector',
      'Pixel spacing',
      'Image',
      'Transfer syntax',
    ]);
    expect(row(rows, 'Operator')?.value).toBe('Okafor, Ada');
    expect(row(rows, 'Deviation index (DI)')).toMatchObject({ value: '+1.14', flag: undefined });
    expect(row(rows, 'Tube voltage')?.value).toBe('85 kVp');
    expect(row(rows, 'Exposure')?.value).toBe('32 mAs');
    expect(row(rows, 'Detector')?.value).toBe('Acme FlatPanel 43, 0.143 × 0.143 mm pitch');
    expect(row(rows, 'Image')?.value).toBe('446 × 659 px, 12-bit, MONOCHROME2');
    expect(row(rows, 'Transfer syntax')?.value).toBe('Explicit VR Little Endian (1.2.840.10008.1.2.1)');
  });

  it('shows a dash for what the file lacks and mAs from µAs', () => {
    const rows = tagRows({
      format: 'dicom',
      tags: {
        ...tags,
        KVP: null,
        Exposure: null,
        ExposureInuAs: 25000,
        Manufacturer: null,
        ManufacturerModelName: null,
        ImagerPixelSpacing: null,
      },
    });
    expect(row(rows, 'Tube voltage')?.value).toBe('—');
    expect(row(rows, 'Exposure')?.value).toBe('25 mAs');
    expect(row(rows, 'Detector')?.value).toBe('—');
  });

  it('flags a deviation index outside ±3', () => {
    const rows = tagRows({ format: 'dicom', tags: { ...tags, DeviationIndex: 3.6 } });
    expect(row(rows, 'Deviation index (DI)')?.flag).toMatch(/above \+3/);
  });

  it('says a PNG has no DICOM attributes', () => {
    const rows = tagRows({ format: 'png', tags: { Rows: 10, Columns: 20 } });
    expect(rows.map((r) => r.value)).toEqual(['PNG: no DICOM attributes', '20 × 10 px']);
  });
});

describe('deviation index', () => {
  it('is computed from EI and target when the file has none (IEC 62494-1)', () => {
    const di = deviationIndex({ DeviationIndex: null, ExposureIndex: 1000, TargetExposureIndex: 100 });
    expect(di).toEqual({ value: 10, computed: true });
    expect(
      deviationIndex({ DeviationIndex: null, ExposureIndex: null, TargetExposureIndex: 100 }),
    ).toBeNull();
  });

  it('is flagged only beyond ±3', () => {
    expect(deviationFlag(3)).toBeUndefined();
    expect(deviationFlag(-3)).toBeUndefined();
    expect(deviationFlag(-3.1)).toMatch(/underexposed/);
    expect(deviationFlag(3.1)).toMatch(/overexposed/);
  });
});

describe('transferSyntaxName', () => {
  it('names the common ones and keeps the UID', () => {
    expect(transferSyntaxName('1.2.840.10008.1.2.4.90')).toBe('JPEG 2000 Lossless (1.2.840.10008.1.2.4.90)');
    expect(transferSyntaxName('1.2.3')).toBe('1.2.3');
  });
});
