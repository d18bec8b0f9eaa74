/** UIDs of the DICOM standard (PS3.6 Annex A) that this package reads or writes. */
export const SOP_CLASS_DX_FOR_PRESENTATION = '1.2.840.10008.5.1.4.1.1.1.1';

export const TRANSFER_SYNTAX = {
  implicitLittleEndian: '1.2.840.10008.1.2',
  explicitLittleEndian: '1.2.840.10008.1.2.1',
  deflatedExplicitLittleEndian: '1.2.840.10008.1.2.1.99',
  explicitBigEndian: '1.2.840.10008.1.2.2',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
  jpegExtended: '1.2.840.10008.1.2.4.51',
  jpegLossless: '1.2.840.10008.1.2.4.57',
  jpegLosslessSv1: '1.2.840.10008.1.2.4.70',
  jpegLsLossless: '1.2.840.10008.1.2.4.80',
  jpegLsNearLossless: '1.2.840.10008.1.2.4.81',
  jpeg2000Lossless: '1.2.840.10008.1.2.4.90',
  jpeg2000: '1.2.840.10008.1.2.4.91',
  htj2kLossless: '1.2.840.10008.1.2.4.201',
  htj2kLosslessRpcl: '1.2.840.10008.1.2.4.202',
  htj2k: '1.2.840.10008.1.2.4.203',
  rleLossless: '1.2.840.10008.1.2.5',
} as const;

/** Transfer syntaxes whose pixel data `readDicom` decodes: uncompressed little endian, deflated included. */
export const READABLE_TRANSFER_SYNTAXES: readonly string[] = [
  TRANSFER_SYNTAX.implicitLittleEndian,
  TRANSFER_SYNTAX.explicitLittleEndian,
  TRANSFER_SYNTAX.deflatedExplicitLittleEndian,
];

/** Families of compressed pixel data, each decoded by one codec. */
export type CompressionCodec = 'jpeg' | 'jpegLs' | 'jpeg2000' | 'htj2k' | 'rle';

/** Which codec decodes each compressed (encapsulated) transfer syntax this package reads. */
export const COMPRESSED_TRANSFER_SYNTAXES: Readonly<Partial<Record<string, CompressionCodec>>> = {
  [TRANSFER_SYNTAX.jpegBaseline]: 'jpeg',
  [TRANSFER_SYNTAX.jpegExtended]: 'jpeg',
  [TRANSFER_SYNTAX.jpegLossless]: 'jpeg',
  [TRANSFER_SYNTAX.jpegLosslessSv1]: 'jpeg',
  [TRANSFER_SYNTAX.jpegLsLossless]: 'jpegLs',
  [TRANSFER_SYNTAX.jpegLsNearLossless]: 'jpegLs',
  [TRANSFER_SYNTAX.jpeg2000Lossless]: 'jpeg2000',
  [TRANSFER_SYNTAX.jpeg2000]: 'jpeg2000',
  [TRANSFER_SYNTAX.htj2kLossless]: 'htj2k',
  [TRANSFER_SYNTAX.htj2kLosslessRpcl]: 'htj2k',
  [TRANSFER_SYNTAX.htj2k]: 'htj2k',
  [TRANSFER_SYNTAX.rleLossless]: 'rle',
};

/** Transfer syntaxes `readDicomAsync` decodes: the uncompressed ones and every compressed one above. */
export const DECODABLE_TRANSFER_SYNTAXES: readonly string[] = [
  ...READABLE_TRANSFER_SYNTAXES,
  ...Object.keys(COMPRESSED_TRANSFER_SYNTAXES),
];

/** Names of common transfer syntaxes, so an unsupported one is reported in words. */
export const TRANSFER_SYNTAX_NAMES: Record<string, string> = {
  '1.2.840.10008.1.2': 'Implicit VR Little Endian',
  '1.2.840.10008.1.2.1': 'Explicit VR Little Endian',
  '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
  '1.2.840.10008.1.2.2': 'Explicit VR Big Endian (retired)',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless SV1',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.4.201': 'HTJ2K Lossless',
  '1.2.840.10008.1.2.4.202': 'HTJ2K Lossless RPCL',
  '1.2.840.10008.1.2.4.203': 'HTJ2K',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
};
