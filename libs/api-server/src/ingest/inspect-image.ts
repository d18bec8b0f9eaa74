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
/** Fewer pixels a side cannot be segmented (nor be a radiograph): refused now rather than failing in the worker. */
export const MIN_IMAGE_SIDE = 16;

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
    checkMinimumSize(radiograph.width, radiograph.height);
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
    // Size, format and length from the header first, so a header claiming a huge image is refused
    // before anything is decoded.
    checkPixelDataComplete(header);
    checkMinimumSize(header.columns, header.rows, ids);
    if (header.pixelDataEncapsulated) await pool.decode(bytes);
  }, ids);
  return describeDicom(header);
}

function checkMinimumSize(
  width: number,
  height: number,
  ids: { sopInstanceUid?: string; sopClassUid?: string } = {},
) {
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
    throw new ApiError(
      'CORRUPT_PIXEL_DATA',
      `an image of ${width}×${height} pixels is too small to be a radiograph (at least ${MIN_IMAGE_SIDE}×${MIN_IMAGE_SIDE})`,
      ids,
    );
  }
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
  // Cut short is TRUNCATED; anything else wrong with the structure (bad VR, nesting, garbage) is MALFORMED_DICOM.
  BAD_DICOM: 'MALFORMED_DICOM',
  TRUNCATED: 'TRUNCATED',
  NO_PIXEL_DATA: 'MISSING_ATTRIBUTE',
  MISSING_ATTRIBUTE: 'MISSING_ATTRIBUTE',
  UNSUPPORTED_TRANSFER_SYNTAX: 'UNSUPPORTED_TRANSFER_SYNTAX',
  CORRUPT_PIXEL_DATA: 'CORRUPT_PIXEL_DATA',
  INVALID_IMAGE: 'CORRUPT_PIXEL_DATA',
  UNSUPPORTED_PHOTOMETRIC: 'CORRUPT_PIXEL_DATA',
  UNSUPPORTED_PIXEL_FORMAT: 'CORRUPT_PIXEL_DATA',
  NOT_AN_IMAGE: 'NOT_AN_IMAGE',
  // A header claiming a huge image (or a decompression bomb) is refused for good: TOO_LARGE would tell
  // a DICOM sender "out of resources, retry later" and make it send the same file again and again.
  IMAGE_TOO_LARGE: 'CORRUPT_PIXEL_DATA',
  // A PNG or JPEG signature with a broken stream is a damaged image (422), not an unknown kind of file (415).
  BAD_PNG: 'CORRUPT_PIXEL_DATA',
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
