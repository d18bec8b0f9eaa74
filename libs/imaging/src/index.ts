export { ImagingError, type ImagingErrorCode } from './errors.js';
export {
  encodePng16,
  encodePng8,
  encodePngRgb,
  decodePng,
  decodeGreyPng,
  decodeMaskPng,
  type DecodedPngImage,
  type GreyImage,
} from './png.js';
export { newUid, isValidUid, IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './uid.js';
export { writeDxDicom } from './dicom-write.js';
export { PATIENT_ORIENTATION, type DxImage, type DxViewPosition } from './dx-image.js';
export { validateDxImage } from './dx-validate.js';
export { readDicom, type DicomImage, type ReadDicomOptions } from './dicom-read.js';
export { readDicomAsync } from './dicom-read-async.js';
export { readDicomHeader, checkPixelDataComplete, type DicomHeader } from './dicom-header.js';
export { preloadCodecs } from './native-codecs.js';
export { MAX_IMAGE_PIXELS } from './dicom-pixels.js';
export {
  SOP_CLASS_DX_FOR_PRESENTATION,
  TRANSFER_SYNTAX,
  TRANSFER_SYNTAX_NAMES,
  READABLE_TRANSFER_SYNTAXES,
  DECODABLE_TRANSFER_SYNTAXES,
  COMPRESSED_TRANSFER_SYNTAXES,
  type CompressionCodec,
} from './dicom-uids.js';
export { hasPart10Header, sniffBareDataset, wrapBareDataset } from './dicom-meta.js';
export { robustWindow, windowTo8Bit, windowCentreWidth, type GreyWindow } from './window.js';
export { resizeRgb, scaledSize, type RgbImage } from './resample.js';
export {
  drawText,
  textWidth,
  textHeight,
  hasGlyph,
  GLYPH_WIDTH,
  GLYPH_HEIGHT,
  CHAR_ADVANCE,
} from './font.js';
export {
  renderOverlay,
  outlineOf,
  STRUCTURE_COLOURS,
  type Rgb,
  type OverlayBase,
  type OverlayOptions,
} from './overlay.js';
export { composeContactSheet, type ContactSheetTile, type ContactSheetOptions } from './contact-sheet.js';
export {
  decodeRadiograph,
  decodeRadiographAsync,
  sniffFormat,
  type Radiograph,
  type RadiographFormat,
} from './radiograph.js';
export { createDecodePool, type DecodePool, type DecodePoolOptions } from './decode-pool.js';
export { encodeMaskSet, decodeMaskSet, resizeMaskSet } from './mask-set-png.js';
export { shrinkGrey } from './shrink-grey.js';
export {
  renderReviewImage,
  renderReviewOverlay,
  renderReviewPixels,
  type GreyFilm,
} from './review-render.js';
