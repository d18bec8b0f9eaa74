import {
  checkPixelDataComplete,
  ImagingError,
  readDicomHeader,
  sniffFormat,
  type DecodePool,
  type DicomHeader,
} from '@spineqc/imaging';
import type { ImageFormat } from '../contracts.js';
import { ApiError, type ApiErrorCode } from '../errors/api-error.js';
import { uidFromContent } from './derived-uid.js';
import { ACCEPTED_SOP_CLASSES } from './sop-classes.js';

/** What ingest learns from an image before accepting it (patient ID only to be hashed, never stored). */
export interface InspectedImage {
  format: ImageFormat;
  sopInstanceUid: string;
  sopClassUid: string;
  studyInstanceUid?: string;
  seriesInstanceUid?: string;
  transferSyntaxUid?: string;
  patientId: string;
  station: string;
  operator: string;
  viewPosition?: string;
  bodyPartExamined?: string;
  width: number;
  height: number;
}

const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';

/**
 * Classifies the image and refuses what a worker could not judge while the sender is still
 * connected. Uncompressed DICOM is checked from its header (pixel data length); compressed pixel
 * data, PNG and JPEG are decoded off the event loop, so corrupt streams are caught here too.
 */
export async function inspectImage(bytes: Uint8Array, pool: DecodePool, expectDicom: boolean) {
  const format = sniffFormat(bytes);
  if (!format) {
    throw expectDicom
      ? new ApiError('NOT_DICOM', 'the data is not a DICOM dataset')
      : new ApiError('NOT_AN_IMAGE', 'the file is neither DICOM, PNG nor JPEG');
  }
  if (expectDicom && format !== 'dicom')
    throw new ApiError('NOT_DICOM', `a ${format} file is not a DICOM dataset`);
  if (format !== 'dicom') {
    const radiograph = await explained(() => pool.decode(bytes));
    return {
      format,
      sopInstanceUid: uidFromContent(bytes),
      sopClassUid: SECONDARY_CAPTURE,
      patientId: '',
      station: '',
      operator: '',
      width: radiograph.width,
      height: radiograph.height,
    } satisfies InspectedImage;
  }
  const header = await explained(async () => readDicomHeader(bytes));
  const ids = { sopInstanceUid: header.sopInstanceUid, sopClassUid: header.sopClassUid };
  if (!(header.sopClassUid in ACCEPTED_SOP_CLASSES)) {
    throw new ApiError(
      'UNSUPPORTED_SOP_CLASS',
      `SOP class ${header.sopClassUid || '(none)'} is not a projection radiograph SpineQC can judge`,
      ids,
    );
  }
  if (!/^MONOCHROME[12]$/.test(header.photometricInterpretation.trim())) {
    throw new ApiError(
      'CORRUPT_PIXEL_DATA',
      `photometric interpretation ${header.photometricInterpretation || '(none)'}: only greyscale radiographs are judged`,
      ids,
    );
  }
  await explained(async () => {
    checkPixelDataComplete(header);
    if (header.pixelDataEncapsulated) await pool.decode(bytes);
  }, ids);
  return describeDicom(header);
}

function describeDicom(header: DicomHeader): InspectedImage {
  return {
    format: 'dicom',
    sopInstanceUid: header.sopInstanceUid,
    sopClassUid: header.sopClassUid,
    studyInstanceUid: header.studyInstanceUid || undefined,
    seriesInstanceUid: header.seriesInstanceUid || undefined,
    transferSyntaxUid: header.transferSyntaxUid,
    patientId: header.patientId,
    station: header.stationName.trim(),
    operator: header.operatorsName.trim(),
    viewPosition: header.viewPosition || undefined,
    bodyPartExamined: header.bodyPartExamined || undefined,
    width: header.columns,
    height: header.rows,
  };
}

const IMAGING_TO_API: Partial<Record<string, ApiErrorCode>> = {
  NOT_DICOM: 'NOT_DICOM',
  BAD_DICOM: 'TRUNCATED',
  TRUNCATED: 'TRUNCATED',
  NO_PIXEL_DATA: 'MISSING_ATTRIBUTE',
  MISSING_ATTRIBUTE: 'MISSING_ATTRIBUTE',
  UNSUPPORTED_TRANSFER_SYNTAX: 'UNSUPPORTED_TRANSFER_SYNTAX',
  CORRUPT_PIXEL_DATA: 'CORRUPT_PIXEL_DATA',
  NOT_AN_IMAGE: 'NOT_AN_IMAGE',
  IMAGE_TOO_LARGE: 'TOO_LARGE',
  BAD_PNG: 'NOT_AN_IMAGE',
  BAD_JPEG: 'CORRUPT_PIXEL_DATA',
};

/** Runs an imaging step and turns its errors into API errors the sender understands. */
async function explained<T>(
  work: () => Promise<T>,
  ids: { sopInstanceUid?: string; sopClassUid?: string } = {},
) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ImagingError || (error as { name?: string }).name === 'ImagingError') {
      const e = error as ImagingError;
      throw new ApiError(IMAGING_TO_API[e.code] ?? 'CORRUPT_PIXEL_DATA', e.message, ids);
    }
    throw error;
  }
}
