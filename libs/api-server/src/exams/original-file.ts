import type { ImageFormat } from '../contracts.js';

/** How a stored original is offered for download, by its format. */
export const ORIGINAL_FILE: Record<ImageFormat, { contentType: string; extension: string }> = {
  dicom: { contentType: 'application/dicom', extension: 'dcm' },
  png: { contentType: 'image/png', extension: 'png' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
};
