/** Transfer syntaxes the SCP negotiates (PS3.5 Annex A / PS3.6 Annex A). */
export const TS = {
  implicitLittleEndian: '1.2.840.10008.1.2',
  explicitLittleEndian: '1.2.840.10008.1.2.1',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
  jpegExtended: '1.2.840.10008.1.2.4.51',
  jpegLossless: '1.2.840.10008.1.2.4.57',
  jpegLosslessSv1: '1.2.840.10008.1.2.4.70',
  jpegLsLossless: '1.2.840.10008.1.2.4.80',
  jpegLsNearLossless: '1.2.840.10008.1.2.4.81',
  jpeg2000Lossless: '1.2.840.10008.1.2.4.90',
  jpeg2000: '1.2.840.10008.1.2.4.91',
  rleLossless: '1.2.840.10008.1.2.5',
} as const;

/**
 * Storage transfer syntaxes in order of preference. Uncompressed first: the sender pays for
 * decompression and the decoder has the least to do; then lossless before lossy compression.
 */
export const STORAGE_TRANSFER_SYNTAXES: readonly string[] = [
  TS.explicitLittleEndian,
  TS.implicitLittleEndian,
  TS.jpegLsLossless,
  TS.jpegLosslessSv1,
  TS.jpegLossless,
  TS.rleLossless,
  TS.jpeg2000Lossless,
  TS.jpegLsNearLossless,
  TS.jpeg2000,
  TS.jpegExtended,
  TS.jpegBaseline,
];

/** Verification carries no data set; the uncompressed syntaxes are all it needs (implicit is the default). */
export const VERIFICATION_TRANSFER_SYNTAXES: readonly string[] = [
  TS.explicitLittleEndian,
  TS.implicitLittleEndian,
];

/** The first syntax in `preference` that the proposal offers, or undefined when none is acceptable. */
export function chooseTransferSyntax(
  proposed: readonly string[],
  preference: readonly string[],
): string | undefined {
  return preference.find((uid) => proposed.includes(uid));
}
