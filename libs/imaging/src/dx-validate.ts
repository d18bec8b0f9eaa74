import type { DxImage } from './dx-image.js';
import { ImagingError, assertImageSize } from './errors.js';
import { isValidUid } from './uid.js';

/** Throws INVALID_IMAGE naming the first attribute that would make an invalid DX object. */
export function validateDxImage(image: DxImage): void {
  assertImageSize('writeDxDicom', image.pixels.length, image.width, image.height);
  if (image.width > 65535 || image.height > 65535) {
    throw new ImagingError('INVALID_IMAGE', `writeDxDicom: ${image.width}×${image.height} exceeds 65535`);
  }
  if (!Number.isInteger(image.bitsStored) || image.bitsStored < 6 || image.bitsStored > 16) {
    throw new ImagingError(
      'INVALID_IMAGE',
      `writeDxDicom: bitsStored must be 6…16 for DX, got ${image.bitsStored}`,
    );
  }
  const limit = 2 ** image.bitsStored;
  for (let i = 0; i < image.pixels.length; i++) {
    if (image.pixels[i] >= limit) {
      throw new ImagingError(
        'INVALID_IMAGE',
        `writeDxDicom: pixel ${i} = ${image.pixels[i]} does not fit in bitsStored ${image.bitsStored}`,
      );
    }
  }
  const [row, col] = image.pixelSpacingMm;
  if (!(row > 0 && col > 0)) {
    throw new ImagingError(
      'INVALID_IMAGE',
      `writeDxDicom: pixel spacing must be positive, got ${row}, ${col}`,
    );
  }
  for (const [name, uid] of [
    ['studyInstanceUid', image.studyInstanceUid],
    ['seriesInstanceUid', image.seriesInstanceUid],
    ['sopInstanceUid', image.sopInstanceUid],
  ] as const) {
    if (!isValidUid(uid))
      throw new ImagingError('INVALID_IMAGE', `writeDxDicom: ${name} "${uid}" is not a DICOM UID`);
  }
  for (const [name, date] of [
    ['studyDate', image.studyDate],
    ['patientBirthDate', image.patientBirthDate ?? '19000101'],
  ] as const) {
    if (!/^\d{8}$/.test(date))
      throw new ImagingError('INVALID_IMAGE', `writeDxDicom: ${name} "${date}" is not YYYYMMDD`);
  }
  for (const [name, value, vr] of [
    ['bodyPartExamined', image.bodyPartExamined, 'CS'],
    ['operatorsName', image.operatorsName, 'PN'],
    ['stationName', image.stationName, 'SH'],
    ['institutionName', image.institutionName, 'LO'],
    ['patientId', image.patientId, 'LO'],
    ['patientName', image.patientName, 'PN'],
    ['accessionNumber', image.accessionNumber, 'SH'],
    ['manufacturer', image.manufacturer, 'LO'],
    ['modelName', image.modelName, 'LO'],
    ['seriesDescription', image.seriesDescription, 'LO'],
    ['imageComments', image.imageComments, 'LT'],
  ] as const) {
    if (value !== undefined) checkText(name, value, vr);
  }
  if (image.patientOrientation && !image.patientOrientation.every((d) => /^[APRLHF]{1,3}$/.test(d))) {
    throw new ImagingError(
      'INVALID_IMAGE',
      `writeDxDicom: patientOrientation ${image.patientOrientation.join('\\')} must use A, P, R, L, H, F`,
    );
  }
  if (!/^\d{2}(\d{2}(\d{2}(\.\d{1,6})?)?)?$/.test(image.studyTime)) {
    throw new ImagingError(
      'INVALID_IMAGE',
      `writeDxDicom: studyTime "${image.studyTime}" is not HHMMSS[.FFFFFF]`,
    );
  }
}

/** Maximum characters per value (PS3.5 table 6.2-1); PN counts one component group. */
const MAX_LENGTH = { CS: 16, SH: 16, LO: 64, PN: 64, LT: 10240 } as const;

function checkText(name: string, value: string, vr: keyof typeof MAX_LENGTH): void {
  const problem =
    value.length > MAX_LENGTH[vr]
      ? `is longer than ${MAX_LENGTH[vr]} characters (${vr})`
      : vr === 'CS' && !/^[A-Z0-9 _]*$/.test(value)
        ? 'may hold only upper-case letters, digits, space and underscore (CS)'
        : vr !== 'LT' && /[\\\x00-\x1f]/.test(value)
          ? 'contains a backslash or control character'
          : undefined;
  if (problem) throw new ImagingError('INVALID_IMAGE', `writeDxDicom: ${name} "${value}" ${problem}`);
}
