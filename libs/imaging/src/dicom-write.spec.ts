import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDicom } from './dicom-read.js';
import { SOP_CLASS_DX_FOR_PRESENTATION, TRANSFER_SYNTAX } from './dicom-uids.js';
import { writeDxDicom } from './dicom-write.js';
import { PATIENT_ORIENTATION, type DxImage, type DxViewPosition } from './dx-image.js';
import { ImagingError } from './errors.js';
import { newUid } from './uid.js';

function dxImage(overrides: Partial<DxImage> = {}): DxImage {
  const width = 48;
  const height = 64;
  const pixels = new Uint16Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37) % 4096;
  return {
    width,
    height,
    pixels,
    bitsStored: 12,
    pixelSpacingMm: [0.148, 0.152],
    viewPosition: 'AP',
    bodyPartExamined: 'LSPINE',
    operatorsName: 'Jansen^Eva',
    stationName: 'DR-ROOM-2',
    institutionName: 'St Elsewhere',
    patientId: 'PAT-0001',
    patientName: 'Phantom^Case^0001',
    patientSex: 'F',
    patientBirthDate: '19680412',
    studyInstanceUid: newUid(),
    seriesInstanceUid: newUid(),
    sopInstanceUid: newUid(),
    accessionNumber: 'ACC123',
    studyDate: '20240517',
    studyTime: '093012',
    kvp: 85,
    exposureMas: 22.4,
    distanceSourceToDetectorMm: 1150,
    exposureIndex: 412.5,
    targetExposureIndex: 400,
    deviationIndex: 0.13,
    windowCenter: 2000,
    windowWidth: 3000,
    manufacturer: 'SpineQC',
    modelName: 'Phantom',
    seriesDescription: 'LUMBAR SPINE AP',
    imageComments: 'synthetic radiograph',
    ...overrides,
  };
}

describe('writeDxDicom → readDicom', () => {
  it('round-trips the pixels and every attribute', () => {
    const image = dxImage();
    const read = readDicom(writeDxDicom(image));
    expect(Array.from(read.pixels)).toEqual(Array.from(image.pixels));
    expect(read).toMatchObject({
      width: image.width,
      height: image.height,
      bitsStored: 12,
      pixelSpacingMm: [0.148, 0.152],
      pixelSpacingSource: 'ImagerPixelSpacing',
      viewPosition: 'AP',
      bodyPartExamined: 'LSPINE',
      operatorsName: 'Jansen^Eva',
      stationName: 'DR-ROOM-2',
      institutionName: 'St Elsewhere',
      patientId: 'PAT-0001',
      patientName: 'Phantom^Case^0001',
      patientSex: 'F',
      patientBirthDate: '19680412',
      studyInstanceUid: image.studyInstanceUid,
      seriesInstanceUid: image.seriesInstanceUid,
      sopInstanceUid: image.sopInstanceUid,
      sopClassUid: SOP_CLASS_DX_FOR_PRESENTATION,
      transferSyntaxUid: TRANSFER_SYNTAX.explicitLittleEndian,
      accessionNumber: 'ACC123',
      studyDate: '20240517',
      studyTime: '093012',
      modality: 'DX',
      presentationIntentType: 'FOR PRESENTATION',
      photometricInterpretation: 'MONOCHROME2',
      kvp: 85,
      exposureMas: 22.4,
      distanceSourceToDetectorMm: 1150,
      exposureIndex: 412.5,
      targetExposureIndex: 400,
      deviationIndex: 0.13,
      windowCenter: 2000,
      windowWidth: 3000,
      manufacturer: 'SpineQC',
      modelName: 'Phantom',
      seriesDescription: 'LUMBAR SPINE AP',
      imageComments: 'synthetic radiograph',
      imageLaterality: 'U',
      patientOrientation: ['L', 'F'],
      rescaleSlope: 1,
      rescaleIntercept: 0,
      numberOfFrames: 1,
    });
  });

  it('leaves optional attributes out and computes a window when none is given', () => {
    const base = dxImage();
    const minimal: DxImage = {
      width: base.width,
      height: base.height,
      pixels: base.pixels,
      bitsStored: 12,
      pixelSpacingMm: [0.2, 0.2],
      viewPosition: '',
      bodyPartExamined: 'LSPINE',
      operatorsName: 'Tech',
      stationName: 'DR1',
      patientId: 'P',
      patientName: 'Anon',
      studyInstanceUid: newUid(),
      seriesInstanceUid: newUid(),
      sopInstanceUid: newUid(),
      studyDate: '20240101',
      studyTime: '1200',
    };
    const read = readDicom(writeDxDicom(minimal));
    expect(read.exposureIndex).toBeUndefined();
    expect(read.targetExposureIndex).toBeUndefined();
    expect(read.deviationIndex).toBeUndefined();
    expect(read.kvp).toBeUndefined();
    expect(read.exposureMas).toBeUndefined();
    expect(read.institutionName).toBe('');
    expect(read.viewPosition).toBe('');
    expect(read.patientOrientation).toEqual(['L', 'F']);
    expect(read.windowWidth).toBeGreaterThan(3000);
    expect(read.windowCenter).toBeGreaterThan(1500);
    expect(read.windowCenter).toBeLessThan(2600);
  });

  it('keeps names that are not ASCII', () => {
    const read = readDicom(writeDxDicom(dxImage({ operatorsName: 'Müller^Zoë', stationName: 'Röntgen 3' })));
    expect(read.operatorsName).toBe('Müller^Zoë');
    expect(read.stationName).toBe('Röntgen 3');
  });

  it.each(Object.keys(PATIENT_ORIENTATION) as DxViewPosition[])(
    'writes view %s with its orientation',
    (view) => {
      const read = readDicom(writeDxDicom(dxImage({ viewPosition: view })));
      expect(read.viewPosition).toBe(view);
      expect(read.patientOrientation).toEqual(PATIENT_ORIENTATION[view]);
    },
  );

  it('writes an explicit patient orientation over the default', () => {
    const read = readDicom(writeDxDicom(dxImage({ viewPosition: 'LL', patientOrientation: ['A', 'F'] })));
    expect(read.patientOrientation).toEqual(['A', 'F']);
  });

  it('accepts a full 16-bit image', () => {
    const pixels = Uint16Array.from({ length: 48 * 64 }, (_, i) => (i * 977) % 65536);
    const read = readDicom(writeDxDicom(dxImage({ pixels, bitsStored: 16 })));
    expect(read.bitsStored).toBe(16);
    expect(Array.from(read.pixels)).toEqual(Array.from(pixels));
  });

  it('refuses invalid images with INVALID_IMAGE', () => {
    const cases: Partial<DxImage>[] = [
      { pixels: new Uint16Array(10) },
      { pixels: Uint16Array.from({ length: 48 * 64 }, () => 4096) },
      { bitsStored: 17 },
      { sopInstanceUid: '1.2.03' },
      { studyDate: '2024-05-17' },
      { studyTime: '9:30' },
      { pixelSpacingMm: [0, 0.1] },
      { stationName: 'A-STATION-NAME-OVER-16' },
      { bodyPartExamined: 'lumbar spine' },
      { operatorsName: 'Smith\\Jones' },
      { patientOrientation: ['X', 'F'] },
    ];
    for (const overrides of cases) {
      const attempt = () => writeDxDicom(dxImage(overrides));
      expect(attempt).toThrow(ImagingError);
      expect(attempt).toThrow(/writeDxDicom/);
    }
  });
});

// CI (.ci/run) installs both validators, so there a missing tool is a failure, never a skip.
const requireTools = process.env.CI === 'true';

function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

describe('validation by DICOM toolkits', () => {
  const views: DxViewPosition[] = ['AP', 'LL', 'RPO', ''];

  it('dciodvfy (dicom3tools) finds no error or warning in a DX For Presentation object', (ctx) => {
    ctx.skip(
      !requireTools && !hasTool('dciodvfy'),
      'dciodvfy not installed (apt-get install dicom3tools); IOD check skipped',
    );
    const dir = mkdtempSync(join(tmpdir(), 'spineqc-dx-'));
    try {
      for (const view of views) {
        const file = join(dir, `${view || 'none'}.dcm`);
        writeFileSync(file, writeDxDicom(dxImage({ viewPosition: view, operatorsName: 'Müller^Zoë' })));
        const result = spawnSync('dciodvfy', [file], { encoding: 'utf8' });
        const report = `${result.stdout}${result.stderr}`;
        expect(report).toContain('DXImageForPresentation');
        // View Position's defined terms (AP, PA, LL, RL, RLD, LLD, RLO, LLO) have no posterior/anterior
        // obliques; DICOM lets defined terms be extended, and the coded View Code Sequence is exact.
        const findings = report
          .split('\n')
          .filter((line) => /^(Error|Warning)/.test(line))
          .filter(
            (line) =>
              !/Unrecognized defined term <[LR][PA]O> for value 1 of attribute <View Position>/.test(line),
          );
        expect(findings).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('dcmdump (dcmtk) parses the file and reports the DX attributes', (ctx) => {
    ctx.skip(
      !requireTools && !hasTool('dcmdump'),
      'dcmdump not installed (apt-get install dcmtk); dcmtk parse check skipped',
    );
    const dir = mkdtempSync(join(tmpdir(), 'spineqc-dx-'));
    try {
      const file = join(dir, 'ap.dcm');
      writeFileSync(file, writeDxDicom(dxImage()));
      const dump = execFileSync('dcmdump', ['+L', file], { encoding: 'utf8' });
      expect(dump).toContain('=DigitalXRayImageStorageForPresentation');
      expect(dump).toContain('=LittleEndianExplicit');
      expect(dump).toMatch(/\(0008,0068\) CS \[FOR PRESENTATION\]/);
      expect(dump).toMatch(/\(0018,1164\) DS \[0\.148\\0\.152\]/);
      expect(dump).toMatch(/\(0018,1411\) DS \[412\.5\]/);
      expect(dump).toMatch(/\(0028,0004\) CS \[MONOCHROME2\]/);
      expect(dump).toMatch(/\(0028,0101\) US 12/);
      expect(dump).toMatch(/\(0002,0013\) SH \[SPINEQC_0_1\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
