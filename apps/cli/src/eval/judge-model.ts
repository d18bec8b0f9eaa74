import { readFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { assessFile, type Assessment } from '@spineqc/assessment';
import type { CaseTruth } from '@spineqc/qc-standard';
import type { Segmenter } from '@spineqc/segmentation';

/** Judges a phantom film with the model: its DICOM when written (header view, spacing, EI), else its PNG. */
export async function judgeWithModel(dir: string, id: string, truth: CaseTruth, segmenter: Segmenter) {
  const dicom = join(dir, `${id}.dcm`);
  const useDicom = await exists(dicom);
  const bytes = await readFile(useDicom ? dicom : join(dir, `${id}.png`));
  // A PNG carries no spacing or exposure index; the phantom's truth knows them, as a site would configure them.
  const assessment: Assessment = await assessFile(bytes, segmenter, {
    ...(useDicom
      ? {}
      : {
          pixelSpacingMm: truth.image.pixelSpacingMm[0],
          exposure: {
            exposureIndex: truth.acquisition.exposureIndex,
            targetExposureIndex: truth.acquisition.targetExposureIndex,
            deviationIndex: truth.acquisition.deviationIndex,
          },
        }),
  });
  return assessment;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
