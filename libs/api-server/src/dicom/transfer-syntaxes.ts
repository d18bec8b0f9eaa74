import { TRANSFER_SYNTAX } from '@spineqc/imaging';

/** Transfer syntax UIDs (PS3.5 Annex A / PS3.6 Annex A), from the imaging library that decodes them. */
export const TS = TRANSFER_SYNTAX;

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
  TS.htj2kLossless,
  TS.htj2kLosslessRpcl,
  TS.jpegLsNearLossless,
  TS.jpeg2000,
  TS.htj2k,
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
