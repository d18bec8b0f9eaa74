export { parseMultipartRelated, DICOM_MEDIA_TYPE, type MultipartPart } from './multipart.js';
export { StowError, type StowErrorCode } from './stow-error.js';
export {
  stowResponse,
  type StowResult,
  type StowResponse,
  type StowResponseOptions,
  type DicomJsonDataset,
  type DicomJsonAttribute,
} from './stow-response.js';
export { FAILURE_REASON, FAILURE_REASON_BY_CODE, failureReasonFor } from './stow-failure-reasons.js';
export { parseMediaType, essenceOf, type MediaType } from './media-type.js';
