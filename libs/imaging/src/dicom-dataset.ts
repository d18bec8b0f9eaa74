import { inflateRawSync } from 'node:zlib';
import dcmjs from 'dcmjs';
import { ImagingError, type ImagingErrorCode } from './errors.js';
import { hasPart10Header, readFileMeta, sniffBareDataset, wrapBareDataset } from './dicom-meta.js';
import { MAX_IMAGE_PIXELS } from './dicom-pixels.js';
import { walkDataset, type PixelDataLocation } from './dicom-structure.js';
import { TRANSFER_SYNTAX, TRANSFER_SYNTAX_NAMES } from './dicom-uids.js';

/** dcmjs "naturalized" attributes: keyword → value. */
export type Dataset = Record<string, unknown>;

export interface ReadDicomOptions {
  /** Transfer syntax of a bare dataset (no Part 10 header); sniffed when omitted. */
  transferSyntaxUid?: string;
}

/** A DICOM object checked for completeness, its attributes before Pixel Data parsed. */
export interface OpenedDicom {
  transferSyntaxUid: string;
  /** The bare data set (no preamble or file meta), inflated if it was deflated. */
  dataset: Uint8Array;
  /** Where Pixel Data lies in `dataset`; null when there is none. */
  pixelData: PixelDataLocation | null;
  /** Every attribute before Pixel Data. */
  attributes: Dataset;
}

export interface OpenDicomRules {
  /** Transfer syntaxes the caller can go on with; others are UNSUPPORTED_TRANSFER_SYNTAX. */
  accepted: readonly string[];
  /** Appended to the UNSUPPORTED_TRANSFER_SYNTAX message. */
  acceptedInWords: string;
  /** Code for a data set that ends before its elements do. */
  truncatedCode: ImagingErrorCode;
}

/**
 * Opens a Part 10 file or a bare data set: transfer syntax, completeness of every element, where
 * Pixel Data is, and the attributes before it. Pixel Data itself is neither copied nor decoded, so
 * this costs the same for a 30 MB radiograph as for its header.
 */
export function openDicom(bytes: Uint8Array, options: ReadDicomOptions, rules: OpenDicomRules): OpenedDicom {
  let transferSyntaxUid: string;
  let dataset: Uint8Array;
  if (hasPart10Header(bytes)) {
    const meta = readFileMeta(bytes, rules.truncatedCode);
    transferSyntaxUid = meta.transferSyntaxUid;
    dataset = bytes.subarray(meta.datasetOffset);
  } else {
    const syntax = options.transferSyntaxUid ?? sniffBareDataset(bytes);
    if (syntax === null) {
      throw new ImagingError(
        'NOT_DICOM',
        'Not a DICOM file: no "DICM" marker after the 128-byte preamble, and not a bare dataset',
      );
    }
    transferSyntaxUid = syntax;
    dataset = bytes;
  }
  if (!rules.accepted.includes(transferSyntaxUid)) {
    const name = TRANSFER_SYNTAX_NAMES[transferSyntaxUid] ?? 'unknown';
    throw new ImagingError(
      'UNSUPPORTED_TRANSFER_SYNTAX',
      `Transfer syntax ${transferSyntaxUid} (${name}) is not supported; ${rules.acceptedInWords}`,
    );
  }
  if (transferSyntaxUid === TRANSFER_SYNTAX.deflatedExplicitLittleEndian) {
    dataset = inflate(dataset, rules.truncatedCode);
  }
  // Every encapsulated syntax encodes the data set itself as explicit VR little endian.
  const explicit = transferSyntaxUid !== TRANSFER_SYNTAX.implicitLittleEndian;
  const pixelData = walkDataset(dataset, 0, explicit, rules.truncatedCode);
  const header = dataset.subarray(0, pixelData?.elementOffset ?? dataset.length);
  const attributes = parse(
    wrapBareDataset(
      header,
      explicit ? TRANSFER_SYNTAX.explicitLittleEndian : TRANSFER_SYNTAX.implicitLittleEndian,
    ),
  );
  return { transferSyntaxUid, dataset, pixelData, attributes };
}

/**
 * The most a deflated data set may inflate to: the largest decodable image at 16 bits plus 16 MiB of
 * attributes. Deflate packs up to ~1000:1, so without a bound a 200 kB file could claim 200 MB.
 */
export const MAX_INFLATED_DATASET_BYTES = 2 * MAX_IMAGE_PIXELS + 16 * 1024 * 1024;

function inflate(deflated: Uint8Array, truncatedCode: ImagingErrorCode): Uint8Array {
  try {
    return inflateRawSync(deflated, { maxOutputLength: MAX_INFLATED_DATASET_BYTES });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ImagingError(
        'IMAGE_TOO_LARGE',
        `Deflated DICOM data set inflates beyond ${MAX_INFLATED_DATASET_BYTES} bytes (a decompression bomb?)`,
        { cause: error },
      );
    }
    const cutShort = (error as { code?: string }).code === 'Z_BUF_ERROR';
    throw new ImagingError(
      cutShort ? truncatedCode : 'BAD_DICOM',
      `Deflated DICOM data set cannot be inflated: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function parse(file: Uint8Array): Dataset {
  const { DicomMessage, DicomMetaDictionary } = dcmjs.data;
  // dcmjs wants an ArrayBuffer of exactly the file (a Node Buffer may be a view into a shared pool).
  const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
  // Implicit VR leaves some VRs ambiguous (e.g. US/SS); dcmjs logs an error for each such element
  // though it reads the bytes correctly.
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
