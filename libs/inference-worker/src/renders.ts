import { reviewThumbnail, shrinkGrey, type Assessment } from '@spineqc/assessment';
import { encodePng8, robustWindow, scaledSize, windowTo8Bit, type Radiograph } from '@spineqc/imaging';

/** Display renders are capped in height: enough for a tablet or a review screen, small to store. */
export const RENDER_MAX_HEIGHT = 1024;

export function renderImage(radiograph: Radiograph): Uint8Array {
  const { width, height, pixels } = radiograph;
  const size = scaledSize(width, height, Math.min(1, RENDER_MAX_HEIGHT / height));
  const grey = shrinkGrey(pixels, width, height, size.width, size.height);
  return encodePng8(windowTo8Bit(grey, robustWindow(grey)), size.width, size.height);
}

export function renderOverlay(assessment: Assessment): Uint8Array {
  return reviewThumbnail(assessment, RENDER_MAX_HEIGHT);
}
