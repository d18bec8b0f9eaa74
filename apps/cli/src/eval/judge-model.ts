import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assessFile, type Assessment } from '@spineqc/assessment';
import type { Segmenter } from '@spineqc/segmentation';
import type { OracleFilm } from './load-film.js';

/** Judges a phantom film with the model: its DICOM when written (header view, spacing, EI), else its PNG. */
export async function judgeWithModel(
  dir: string,
  id: string,
  film: OracleFilm,
  segmenter: Segmenter,
): Promise<Assessment> {
  const fromDicom = film.exposureSource === 'dicom';
  const bytes = await readFile(join(dir, `${id}.${fromDicom ? 'dcm' : 'png'}`));
  // A PNG carries no spacing or exposure index; the phantom's truth knows them, as a site would configure them.
  return assessFile(
    bytes,
    segmenter,
    fromDicom ? {} : { pixelSpacingMm: film.truth.image.pixelSpacingMm[0], exposure: film.exposure },
  );
}
