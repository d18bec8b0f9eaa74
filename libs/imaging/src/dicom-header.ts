import { openDicom, type ReadDicomOptions } from './dicom-dataset.js';
import { acquisitionOf, type DicomAcquisition } from './dicom-header-acquisition.js';
import { readFragments } from './dicom-fragments.js';
import { spacingOf, type PixelSpacingSource } from './dicom-image.js';
import { assertDecodablePixels, pixelAttributesOf } from './dicom-pixels.js';
import { DECODABLE_TRANSFER_SYNTAXES } from './dicom-uids.js';
import { str } from './dicom-values.js';
import { ImagingError } from './errors.js';

/** What ingest needs to know about a DICOM object before (and without) decoding its pixels. */
export interface DicomHeader {
  transferSyntaxUid: string;
  sopClassUid: string;
  sopInstanceUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  modality: string;
  /** PatientID as sent: hash it before storing. */
  patientId: string;
  stationName: string;
  operatorsName: string;
  viewPosition: string;
  bodyPartExamined: string;
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  photometricInterpretation: string;
  numberOfFrames: number;
  /** [row, col] mm from ImagerPixelSpacing or else PixelSpacing; null if neither. */
  pixelSpacingMm: [number, number] | null;
  pixelSpacingSource: PixelSpacingSource | null;
  /** Bytes of Pixel Data in the file: the native value, or all compressed fragments; 0 when absent. */
  pixelDataLength: number;
  /** Whether Pixel Data is encapsulated (compressed transfer syntaxes). */
  pixelDataEncapsulated: boolean;
  /** Device, technique, exposure indices and times, for a reviewer. */
  acquisition: DicomAcquisition;
}

/**
 * Reads the attributes before Pixel Data of a Part 10 file or of a bare data set (give
 * `transferSyntaxUid` for a bare data set a C-STORE SCP received; else it is sniffed), without
 * decoding or copying pixels. Every element is checked to lie within the bytes.
 * Errors: NOT_DICOM, TRUNCATED (the bytes end inside an element), BAD_DICOM (malformed),
 * UNSUPPORTED_TRANSFER_SYNTAX (not one `readDicomAsync` decodes), MISSING_ATTRIBUTE (no SOP Class
 * or SOP Instance UID).
 */
export function readDicomHeader(bytes: Uint8Array, options: ReadDicomOptions = {}): DicomHeader {
  const opened = openDicom(bytes, options, {
    accepted: DECODABLE_TRANSFER_SYNTAXES,
    acceptedInWords: 'uncompressed little endian, JPEG, JPEG-LS, JPEG 2000, HTJ2K and RLE are read',
    truncatedCode: 'TRUNCATED',
  });
  const ds = opened.attributes;
  const sopInstanceUid = str(ds.SOPInstanceUID);
  const sopClassUid = str(ds.SOPClassUID);
  if (!sopInstanceUid) throw missing('SOP Instance UID (0008,0018)');
  if (!sopClassUid) throw missing('SOP Class UID (0008,0016)');
  const pixels = pixelAttributesOf(ds);
  const spacing = spacingOf(ds);
  const { pixelData } = opened;
  return {
    transferSyntaxUid: opened.transferSyntaxUid,
    sopClassUid,
    sopInstanceUid,
    studyInstanceUid: str(ds.StudyInstanceUID),
    seriesInstanceUid: str(ds.SeriesInstanceUID),
    modality: str(ds.Modality),
    patientId: str(ds.PatientID),
    stationName: str(ds.StationName),
    operatorsName: str(ds.OperatorsName),
    viewPosition: str(ds.ViewPosition),
    bodyPartExamined: str(ds.BodyPartExamined),
    rows: pixels.rows,
    columns: pixels.columns,
    samplesPerPixel: pixels.samplesPerPixel,
    bitsAllocated: pixels.bitsAllocated,
    bitsStored: pixels.bitsStored,
    photometricInterpretation: pixels.photometricInterpretation,
    numberOfFrames: pixels.numberOfFrames,
    pixelSpacingMm: spacing?.value ?? null,
    pixelSpacingSource: spacing?.source ?? null,
    pixelDataLength: !pixelData
      ? 0
      : pixelData.encapsulated
        ? readFragments(opened.dataset, pixelData).fragments.reduce((n, f) => n + f.data.length, 0)
        : pixelData.valueLength,
    pixelDataEncapsulated: pixelData?.encapsulated ?? false,
    acquisition: acquisitionOf(ds),
  };
}

/**
 * Refuses, from the header alone, what could not be decoded: NO_PIXEL_DATA when there is none;
 * what `decodePixels` would refuse (INVALID_IMAGE for no size, IMAGE_TOO_LARGE, UNSUPPORTED_PHOTOMETRIC,
 * UNSUPPORTED_PIXEL_FORMAT); and native Pixel Data that disagrees with Rows × Columns × Samples ×
 * Bits Allocated × Number of Frames: shorter is TRUNCATED, longer (beyond the pad byte to an even
 * length) is CORRUPT_PIXEL_DATA, since a wrong Rows or Columns would shear the image rather than fail.
 * Compressed data can only be checked by decoding it.
 */
export function checkPixelDataComplete(header: DicomHeader): void {
  if (header.pixelDataLength === 0) {
    throw new ImagingError(
      'NO_PIXEL_DATA',
      'The DICOM object has no Pixel Data (7FE0,0010); it is not an image',
    );
  }
  assertDecodablePixels(header);
  if (header.pixelDataEncapsulated) return;
  const { rows, columns, samplesPerPixel, bitsAllocated, numberOfFrames } = header;
  const expected = Math.ceil((numberOfFrames * rows * columns * samplesPerPixel * bitsAllocated) / 8);
  const declared = `${numberOfFrames} frame(s) of ${columns}×${rows}×${samplesPerPixel} at ${bitsAllocated} bits`;
  if (header.pixelDataLength < expected) {
    throw new ImagingError(
      'TRUNCATED',
      `Pixel Data holds ${header.pixelDataLength} bytes; ${declared} need ${expected}`,
    );
  }
  if (header.pixelDataLength > expected + (expected % 2)) {
    throw new ImagingError(
      'CORRUPT_PIXEL_DATA',
      `Pixel Data holds ${header.pixelDataLength} bytes but ${declared} are ${expected}: ` +
        'the header does not describe these pixels',
    );
  }
}

function missing(what: string): ImagingError {
  return new ImagingError('MISSING_ATTRIBUTE', `The DICOM object has no ${what}`);
}
