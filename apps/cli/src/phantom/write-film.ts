import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodePng16, encodePng8, writeDxDicom } from '@spineqc/imaging';
import { STRUCTURES } from '@spineqc/qc-standard';
import type { WrittenFilm } from './worker.js';

export type FilmFormat = 'dicom' | 'png' | 'both';

const VIEW_POSITION = { ap: 'AP', lateral: 'LL' } as const;

/** Writes one film as the DESIGN.md contract says: image(s), truth.json, one mask per structure, level map. */
export async function writeFilm(dir: string, film: WrittenFilm, format: FilmFormat): Promise<void> {
  const { id, image, masks, truth } = film;
  const path = (suffix: string) => join(dir, `${id}${suffix}`);
  const writes: Promise<void>[] = [];
  if (format !== 'dicom') {
    // 12-bit detector values scaled to the full 16-bit range so ordinary viewers show the film.
    const scaled = new Uint16Array(image.pixels.length);
    for (let i = 0; i < scaled.length; i++) scaled[i] = image.pixels[i] * 16 + (image.pixels[i] >> 8);
    writes.push(writeFile(path('.png'), encodePng16(scaled, image.width, image.height)));
  }
  if (format !== 'png') writes.push(writeFile(path('.dcm'), writeDxDicom(dicomOf(film))));
  writes.push(writeFile(path('.truth.json'), JSON.stringify(truth, null, 2) + '\n'));
  for (const structure of STRUCTURES) {
    const m = masks.masks[structure];
    const bytes = new Uint8Array(m.length);
    for (let i = 0; i < m.length; i++) bytes[i] = m[i] ? 255 : 0;
    writes.push(writeFile(path(`.${structure}.png`), encodePng8(bytes, masks.width, masks.height)));
  }
  writes.push(writeFile(path('.levels.png'), encodePng8(masks.levels, masks.width, masks.height)));
  await Promise.all(writes);
}

export function dicomOf(film: WrittenFilm): Parameters<typeof writeDxDicom>[0] {
  const { image, identity, truth, exposure } = film;
  const viewPosition = truth.view === 'oblique' ? (truth.obliqueSide ?? 'LPO') : VIEW_POSITION[truth.view];
  return {
    width: image.width,
    height: image.height,
    pixels: image.pixels,
    bitsStored: image.bitsStored,
    pixelSpacingMm: image.pixelSpacingMm,
    viewPosition,
    bodyPartExamined: 'LSPINE',
    operatorsName: truth.operator,
    stationName: truth.station,
    institutionName: 'SpineQC Phantom Hospital',
    patientId: identity.patientId,
    patientName: identity.patientName,
    patientSex: truth.patient.sex,
    patientBirthDate: identity.patientBirthDate,
    studyInstanceUid: identity.studyInstanceUid,
    seriesInstanceUid: identity.seriesInstanceUid,
    sopInstanceUid: identity.sopInstanceUid,
    accessionNumber: identity.accessionNumber,
    studyDate: identity.studyDate,
    studyTime: identity.studyTime,
    kvp: Number(exposure.kvp.toFixed(1)),
    exposureMas: Number(exposure.mAs.toFixed(2)),
    distanceSourceToDetectorMm: truth.acquisition.sidMm,
    exposureIndex: exposure.exposureIndex,
    targetExposureIndex: exposure.targetExposureIndex,
    deviationIndex: exposure.deviationIndex,
    windowCenter: 2048,
    windowWidth: 4096,
    manufacturer: 'SpineQC',
    modelName: `spineqc-phantom ${truth.generator.version}`,
    seriesDescription: `L-SPINE ${viewPosition}`,
    imageComments: `Synthetic phantom film, seed ${truth.generator.seed} index ${truth.generator.index}`,
  };
}
