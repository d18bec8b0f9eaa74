import { inflateRawSync } from 'node:zlib';
import dcmjs from 'dcmjs';
import { ImagingError } from './errors.js';
import { hasPart10Header, readFileMeta, sniffBareDataset, wrapBareDataset } from './dicom-meta.js';
import { assertDatasetComplete } from './dicom-structure.js';
import { READABLE_TRANSFER_SYNTAXES, TRANSFER_SYNTAX, TRANSFER_SYNTAX_NAMES } from './dicom-uids.js';
import { decodePixels, type PixelModule } from './dicom-pixels.js';
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

export interface ReadDicomOptions {
  /** Transfer syntax of a bare dataset (no Part 10 header); sniffed when omitted. */
  transferSyntaxUid?: string;
}

/**
 * Reads an uncompressed little-endian DICOM image (explicit, implicit or deflated), as a Part 10
 * file or a bare dataset. Compressed transfer syntaxes throw UNSUPPORTED_TRANSFER_SYNTAX.
 */
export function readDicom(bytes: Uint8Array, options: ReadDicomOptions = {}): DicomImage {
  const file = asPart10(bytes, options);
  const { transferSyntaxUid, datasetOffset } = readFileMeta(file);
  if (!READABLE_TRANSFER_SYNTAXES.includes(transferSyntaxUid)) {
    const name = TRANSFER_SYNTAX_NAMES[transferSyntaxUid] ?? 'unknown';
    throw new ImagingError(
      'UNSUPPORTED_TRANSFER_SYNTAX',
      `Transfer syntax ${transferSyntaxUid} (${name}) is not supported; only uncompressed little endian is read`,
    );
  }
  const explicitFile =
    transferSyntaxUid === TRANSFER_SYNTAX.deflatedExplicitLittleEndian ? inflate(file, datasetOffset) : file;
  const explicitOffset = explicitFile === file ? datasetOffset : readFileMeta(explicitFile).datasetOffset;
  assertDatasetComplete(
    explicitFile,
    explicitOffset,
    transferSyntaxUid !== TRANSFER_SYNTAX.implicitLittleEndian,
  );
  const ds = parse(explicitFile);
  const pixelModule = pixelModuleOf(ds);
  const decoded = decodePixels(pixelModule);
  const spacing = spacingOf(ds);
  const window = windowOf(ds, decoded.toOutput);
  const exposureInuAs = num(ds.ExposureInuAs);
  const exposure = num(ds.Exposure);
  return {
    width: pixelModule.columns,
    height: pixelModule.rows,
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
    photometricInterpretation: pixelModule.photometricInterpretation,
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
    rescaleSlope: pixelModule.rescaleSlope,
    rescaleIntercept: pixelModule.rescaleIntercept,
    numberOfFrames: pixelModule.numberOfFrames,
  };
}

type Dataset = Record<string, unknown>;

function asPart10(bytes: Uint8Array, options: ReadDicomOptions): Uint8Array {
  if (hasPart10Header(bytes)) return bytes;
  const syntax = options.transferSyntaxUid ?? sniffBareDataset(bytes);
  if (syntax === null) {
    throw new ImagingError(
      'NOT_DICOM',
      'Not a DICOM file: no "DICM" marker after the 128-byte preamble, and not a bare dataset',
    );
  }
  return wrapBareDataset(bytes, syntax);
}

/** Deflated data set → the same data set as an explicit VR little endian file. */
function inflate(file: Uint8Array, datasetOffset: number): Uint8Array {
  try {
    return wrapBareDataset(
      inflateRawSync(file.subarray(datasetOffset)),
      TRANSFER_SYNTAX.explicitLittleEndian,
    );
  } catch (error) {
    throw new ImagingError(
      'BAD_DICOM',
      `Deflated DICOM data set cannot be inflated: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

function parse(file: Uint8Array): Dataset {
  const { DicomMessage, DicomMetaDictionary } = dcmjs.data;
  // dcmjs wants an ArrayBuffer of exactly the file (a Node Buffer may be a view into a shared pool).
  const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
  // Implicit VR leaves Pixel Data's VR ambiguous (OB/OW); dcmjs logs an error for each such file,
  // though the bytes are read correctly and Bits Allocated decides their width here.
  const validationLog = dcmjs.log.getLogger('validation.dcmjs');
  const level = validationLog.getLevel();
  validationLog.setLevel('silent', false);
  try {
    const dicom = DicomMessage.readFile(buffer);
    return DicomMetaDictionary.naturalizeDataset(dicom.dict);
  } catch (error) {
    throw new ImagingError('BAD_DICOM', `Malformed DICOM data set: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    validationLog.setLevel(level, false);
  }
}

function pixelModuleOf(ds: Dataset): PixelModule {
  const pixelData = ds.PixelData;
  const first = Array.isArray(pixelData) ? pixelData[0] : pixelData;
  if (!(first instanceof ArrayBuffer) || first.byteLength === 0) {
    throw new ImagingError(
      'NO_PIXEL_DATA',
      'The DICOM object has no Pixel Data (7FE0,0010); it is not an image',
    );
  }
  const rows = num(ds.Rows) ?? 0;
  const columns = num(ds.Columns) ?? 0;
  const bitsAllocated = num(ds.BitsAllocated) ?? 0;
  const bitsStored = num(ds.BitsStored) ?? bitsAllocated;
  return {
    rows,
    columns,
    samplesPerPixel: num(ds.SamplesPerPixel) ?? 1,
    photometricInterpretation: str(ds.PhotometricInterpretation),
    bitsAllocated,
    bitsStored,
    highBit: num(ds.HighBit) ?? bitsStored - 1,
    pixelRepresentation: num(ds.PixelRepresentation) ?? 0,
    rescaleSlope: num(ds.RescaleSlope) ?? 1,
    rescaleIntercept: num(ds.RescaleIntercept) ?? 0,
    numberOfFrames: Math.max(1, num(ds.NumberOfFrames) ?? 1),
    data: new Uint8Array(first),
  };
}

function spacingOf(
  ds: Dataset,
): { value: [number, number]; source: 'ImagerPixelSpacing' | 'PixelSpacing' } | null {
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
