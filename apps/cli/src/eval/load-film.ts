import { readFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeMaskPng, decodePng, readDicom } from '@spineqc/imaging';
import {
  STRUCTURES,
  type CaseTruth,
  type ExposureTags,
  type MaskSet,
  type Structure,
} from '@spineqc/qc-standard';

/** A phantom film's truth masks and metadata, as the oracle judges them. */
export interface OracleFilm {
  truth: CaseTruth;
  masks: MaskSet;
  exposure: ExposureTags;
  /** Where the exposure tags came from. */
  exposureSource: 'dicom' | 'truth';
}

export async function loadOracleFilm(dir: string, id: string): Promise<OracleFilm> {
  const truth = JSON.parse(await readFile(join(dir, `${id}.truth.json`), 'utf8')) as CaseTruth;
  const masks = {} as Record<Structure, Uint8Array>;
  for (const structure of STRUCTURES) {
    const decoded = decodeMaskPng(await readFile(join(dir, `${id}.${structure}.png`)));
    masks[structure] = decoded.mask;
  }
  const levels = decodePng(await readFile(join(dir, `${id}.levels.png`)));
  const dicomPath = join(dir, `${id}.dcm`);
  let exposure: ExposureTags;
  let exposureSource: OracleFilm['exposureSource'];
  if (await exists(dicomPath)) {
    const dicom = readDicom(await readFile(dicomPath));
    exposure = {
      exposureIndex: dicom.exposureIndex,
      targetExposureIndex: dicom.targetExposureIndex,
      deviationIndex: dicom.deviationIndex,
    };
    exposureSource = 'dicom';
  } else {
    exposure = {
      exposureIndex: truth.acquisition.exposureIndex,
      targetExposureIndex: truth.acquisition.targetExposureIndex,
      deviationIndex: truth.acquisition.deviationIndex,
    };
    exposureSource = 'truth';
  }
  return {
    truth,
    masks: { width: levels.width, height: levels.height, masks, levels: Uint8Array.from(levels.data) },
    exposure,
    exposureSource,
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
