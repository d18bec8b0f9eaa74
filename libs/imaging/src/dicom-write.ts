import dcmjs from 'dcmjs';
import { SOP_CLASS_DX_FOR_PRESENTATION, TRANSFER_SYNTAX } from './dicom-uids.js';
import { ANATOMIC_REGIONS, PATIENT_ORIENTATION, VIEW_CODES, type DxImage } from './dx-image.js';
import { validateDxImage } from './dx-validate.js';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './uid.js';
import { robustWindow, windowCentreWidth } from './window.js';

/** Encodes `image` as a DICOM Part 10 file, DX For Presentation, explicit VR little endian. */
export function writeDxDicom(image: DxImage): Uint8Array {
  validateDxImage(image);
  const window = voiWindow(image);

  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: SOP_CLASS_DX_FOR_PRESENTATION,
    MediaStorageSOPInstanceUID: image.sopInstanceUid,
    TransferSyntaxUID: TRANSFER_SYNTAX.explicitLittleEndian,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
  };
  const texts = [
    image.patientName,
    image.patientId,
    image.operatorsName,
    image.stationName,
    image.institutionName,
    image.manufacturer,
    image.modelName,
    image.seriesDescription,
    image.imageComments,
  ];
  const dataset: Record<string, unknown> = {
    // Names typed at a console are often not ASCII; declare UTF-8 only when needed.
    ...(texts.some((text) => text !== undefined && isNotAscii(text))
      ? { SpecificCharacterSet: 'ISO_IR 192' }
      : {}),
    ImageType: ['ORIGINAL', 'PRIMARY'],
    SOPClassUID: SOP_CLASS_DX_FOR_PRESENTATION,
    SOPInstanceUID: image.sopInstanceUid,
    StudyDate: image.studyDate,
    ContentDate: image.studyDate,
    StudyTime: image.studyTime,
    ContentTime: image.studyTime,
    AccessionNumber: image.accessionNumber ?? '',
    Modality: 'DX',
    PresentationIntentType: 'FOR PRESENTATION',
    Manufacturer: image.manufacturer ?? '',
    ...optional('InstitutionName', image.institutionName),
    ReferringPhysicianName: '',
    StationName: image.stationName,
    ...optional('SeriesDescription', image.seriesDescription),
    OperatorsName: image.operatorsName,
    ...optional('ManufacturerModelName', image.modelName),
    AnatomicRegionSequence: ANATOMIC_REGIONS[image.bodyPartExamined]
      ? [ANATOMIC_REGIONS[image.bodyPartExamined]]
      : [],
    PatientName: image.patientName,
    PatientID: image.patientId,
    PatientBirthDate: image.patientBirthDate ?? '',
    PatientSex: image.patientSex ?? '',
    BodyPartExamined: image.bodyPartExamined,
    ...optional('KVP', image.kvp),
    ...optional('DistanceSourceToDetector', image.distanceSourceToDetectorMm),
    // Exposure (IS) holds whole mAs; ExposureInuAs keeps the fraction.
    ...optional('Exposure', image.exposureMas === undefined ? undefined : Math.round(image.exposureMas)),
    ...optional(
      'ExposureInuAs',
      image.exposureMas === undefined ? undefined : Math.round(image.exposureMas * 1000),
    ),
    ImagerPixelSpacing: image.pixelSpacingMm,
    ...optional('ExposureIndex', image.exposureIndex),
    ...optional('TargetExposureIndex', image.targetExposureIndex),
    ...optional('DeviationIndex', image.deviationIndex),
    DetectorType: '',
    PositionerType: '',
    ViewPosition: image.viewPosition,
    StudyInstanceUID: image.studyInstanceUid,
    SeriesInstanceUID: image.seriesInstanceUid,
    StudyID: (image.accessionNumber ?? '').slice(0, 16),
    SeriesNumber: 1,
    InstanceNumber: 1,
    PatientOrientation: image.patientOrientation ?? PATIENT_ORIENTATION[image.viewPosition],
    ImageLaterality: 'U',
    ...optional('ImageComments', image.imageComments),
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: image.height,
    Columns: image.width,
    BitsAllocated: 16,
    BitsStored: image.bitsStored,
    HighBit: image.bitsStored - 1,
    PixelRepresentation: 0,
    BurnedInAnnotation: 'NO',
    // Stored values rise with attenuation (bone bright), roughly logarithmic in beam intensity.
    PixelIntensityRelationship: 'LOG',
    PixelIntensityRelationshipSign: -1,
    WindowCenter: round(window.centre),
    WindowWidth: round(window.width),
    RescaleIntercept: 0,
    RescaleSlope: 1,
    RescaleType: 'US',
    LossyImageCompression: '00',
    AcquisitionContextSequence: [],
    ...(image.viewPosition
      ? { ViewCodeSequence: [{ ...VIEW_CODES[image.viewPosition], ViewModifierCodeSequence: [] }] }
      : {}),
    PresentationLUTShape: 'IDENTITY',
    PixelData: littleEndianBytes(image.pixels),
    _vrMap: { PixelData: 'OW' },
  };

  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const file = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  file.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(file.write());
}

/** The given window, with whatever is missing taken from a robust window of the pixels. */
function voiWindow(image: DxImage): { centre: number; width: number } {
  if (image.windowCenter !== undefined && image.windowWidth !== undefined) {
    return { centre: image.windowCenter, width: image.windowWidth };
  }
  const robust = windowCentreWidth(robustWindow(image.pixels));
  return { centre: image.windowCenter ?? robust.centre, width: image.windowWidth ?? robust.width };
}

function optional(keyword: string, value: string | number | undefined): Record<string, string | number> {
  return value === undefined || value === '' ? {} : { [keyword]: value };
}

function isNotAscii(text: string): boolean {
  return /[^\x20-\x7e]/.test(text);
}

/** DS holds at most 16 characters; 6 decimals is far below any window's meaningful precision. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function littleEndianBytes(pixels: Uint16Array): ArrayBuffer {
  const bytes = new Uint8Array(pixels.length * 2);
  for (let i = 0; i < pixels.length; i++) {
    bytes[2 * i] = pixels[i] & 0xff;
    bytes[2 * i + 1] = pixels[i] >> 8;
  }
  return bytes.buffer;
}
