import type { Dataset } from './dicom-dataset.js';
import type { DecodedPixels, PixelModule } from './dicom-pixels.js';
import { num, numbers, str, strings } from './dicom-values.js';

/** A radiograph read from DICOM, with the attributes quality control needs. */
export interface DicomImage {
  width: number;
  height: number;
  /**
   * Grey values, bone bright: MONOCHROME1 inverted, signed data shifted to start at 0, a negative
   * rescale slope reversed. Range 0 … 2^bitsStored − 1; first frame of a multi-frame object.
   */
  pixels: Uint16Array;
  bitsStored: number;
  /** [row, col] mm from ImagerPixelSpacing (detector plane) or else PixelSpacing; null if neither. */
  pixelSpacingMm: [number, number] | null;
  pixelSpacingSource: 'ImagerPixelSpacing' | 'PixelSpacing' | null;
  viewPosition: string;
  bodyPartExamined: string;
  operatorsName: string;
  stationName: string;
  patientId: string;
  sopInstanceUid: string;
  studyInstanceUid: string;
  modality: string;
  exposureIndex: number | undefined;
  targetExposureIndex: number | undefined;
  deviationIndex: number | undefined;
  /** As stored in the file (before inversion). */
  photometricInterpretation: string;
  transferSyntaxUid: string;
  sopClassUid: string;
  seriesInstanceUid: string;
  patientName: string;
  patientSex: string;
  patientBirthDate: string;
  studyDate: string;
  studyTime: string;
  accessionNumber: string;
  institutionName: string;
  manufacturer: string;
  modelName: string;
  seriesDescription: string;
  imageComments: string;
  presentationIntentType: string;
  imageLaterality: string;
  patientOrientation: string[];
  kvp: number | undefined;
  /** From ExposureInuAs when present (keeps fractions), else Exposure (whole mAs). */
  exposureMas: number | undefined;
  distanceSourceToDetectorMm: number | undefined;
  /** The file's first VOI window, converted to the returned `pixels` values. */
  windowCenter: number | undefined;
  windowWidth: number | undefined;
  rescaleSlope: number;
  rescaleIntercept: number;
  numberOfFrames: number;
}

/** The DicomImage of a data set whose first frame has been decoded. */
export function toDicomImage(
  ds: Dataset,
  transferSyntaxUid: string,
  module: PixelModule,
  decoded: DecodedPixels,
): DicomImage {
  const spacing = spacingOf(ds);
  const window = windowOf(ds, decoded.toOutput);
  const exposureInuAs = num(ds.ExposureInuAs);
  const exposure = num(ds.Exposure);
  return {
    width: module.columns,
    height: module.rows,
    pixels: decoded.pixels,
    bitsStored: decoded.bitsStored,
    pixelSpacingMm: spacing?.value ?? null,
    pixelSpacingSource: spacing?.source ?? null,
    viewPosition: str(ds.ViewPosition),
    bodyPartExamined: str(ds.BodyPartExamined),
    operatorsName: str(ds.OperatorsName),
    stationName: str(ds.StationName),
    patientId: str(ds.PatientID),
    sopInstanceUid: str(ds.SOPInstanceUID),
    studyInstanceUid: str(ds.StudyInstanceUID),
    modality: str(ds.Modality),
    exposureIndex: num(ds.ExposureIndex),
    targetExposureIndex: num(ds.TargetExposureIndex),
    deviationIndex: num(ds.DeviationIndex),
    photometricInterpretation: module.photometricInterpretation,
    transferSyntaxUid,
    sopClassUid: str(ds.SOPClassUID),
    seriesInstanceUid: str(ds.SeriesInstanceUID),
    patientName: str(ds.PatientName),
    patientSex: str(ds.PatientSex),
    patientBirthDate: str(ds.PatientBirthDate),
    studyDate: str(ds.StudyDate),
    studyTime: str(ds.StudyTime),
    accessionNumber: str(ds.AccessionNumber),
    institutionName: str(ds.InstitutionName),
    manufacturer: str(ds.Manufacturer),
    modelName: str(ds.ManufacturerModelName),
    seriesDescription: str(ds.SeriesDescription),
    imageComments: str(ds.ImageComments),
    presentationIntentType: str(ds.PresentationIntentType),
    imageLaterality: str(ds.ImageLaterality),
    patientOrientation: strings(ds.PatientOrientation),
    kvp: num(ds.KVP),
    exposureMas: exposureInuAs !== undefined ? exposureInuAs / 1000 : exposure,
    distanceSourceToDetectorMm: num(ds.DistanceSourceToDetector),
    windowCenter: window?.centre,
    windowWidth: window?.width,
    rescaleSlope: module.rescaleSlope,
    rescaleIntercept: module.rescaleIntercept,
    numberOfFrames: module.numberOfFrames,
  };
}

export type PixelSpacingSource = 'ImagerPixelSpacing' | 'PixelSpacing';

/** ImagerPixelSpacing (detector plane) if valid, else PixelSpacing; null if neither. */
export function spacingOf(ds: Dataset): { value: [number, number]; source: PixelSpacingSource } | null {
  for (const source of ['ImagerPixelSpacing', 'PixelSpacing'] as const) {
    const values = numbers(ds[source]);
    if (values.length >= 2 && values[0] > 0 && values[1] > 0)
      return { value: [values[0], values[1]], source };
  }
  return null;
}

function windowOf(
  ds: Dataset,
  toOutput: (modalityValue: number) => number,
): { centre: number; width: number } | undefined {
  const centre = num(ds.WindowCenter);
  const width = num(ds.WindowWidth);
  if (centre === undefined || width === undefined || width <= 0) return undefined;
  const low = toOutput(centre - width / 2);
  const high = toOutput(centre + width / 2);
  return { centre: (low + high) / 2, width: Math.abs(high - low) };
}
