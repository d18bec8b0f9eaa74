import { newUid, writeDxDicom } from '@spineqc/imaging';

/**
 * A small, valid DX DICOM film (a ramp of 12-bit values, AP lumbar, with a patient name and ID for the privacy
 * checks) for the ingest specs; each call has its own study, series and (unless given) SOP instance UIDs.
 */
export function dxFilm(width: number, height: number, sopInstanceUid = newUid()): Uint8Array {
  return writeDxDicom({
    width,
    height,
    pixels: Uint16Array.from({ length: width * height }, (_, i) => (i * 37) % 4096),
    bitsStored: 12,
    pixelSpacingMm: [0.4, 0.4],
    viewPosition: 'AP',
    bodyPartExamined: 'LSPINE',
    operatorsName: 'Chen^Wei',
    stationName: 'DR-ROOM-1',
    patientId: 'PAT-7731',
    patientName: 'Doe^Jane',
    studyInstanceUid: newUid(),
    seriesInstanceUid: newUid(),
    sopInstanceUid,
    studyDate: '20261127',
    studyTime: '101500',
  });
}
