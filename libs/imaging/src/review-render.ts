import type { MaskSet, Structure } from '@spineqc/qc-standard';
import { renderOverlay } from './overlay.js';
import { encodePng16, encodePng8, encodePngRgb } from './png.js';
import { scaledSize } from './resample.js';
import { shrinkGrey } from './shrink-grey.js';
import { robustWindow, windowCentreWidth, windowTo8Bit } from './window.js';

/** A decoded film, bone bright (a Radiograph has these fields). */
export interface GreyFilm {
  pixels: Uint16Array;
  width: number;
  height: number;
  bitDepth: number;
}

function reviewSize(film: GreyFilm, maxHeight: number) {
  return scaledSize(film.width, film.height, Math.min(maxHeight, film.height) / film.height);
}

/** The film as an 8-bit PNG for display, windowed to its own grey range and at most `maxHeight` tall. */
export function renderReviewImage(film: GreyFilm, maxHeight: number): Uint8Array {
  const size = reviewSize(film, maxHeight);
  const grey = shrinkGrey(film.pixels, film.width, film.height, size.width, size.height);
  return encodePng8(windowTo8Bit(grey, robustWindow(grey)), size.width, size.height);
}

/**
 * The film with its segmentation over it, `highlight` structures emphasised. Drawn directly at the
 * output size (film shrunk first, masks brought to that size), so a 3000-pixel film costs no more
 * than a small one.
 */
export function renderReviewOverlay(
  film: GreyFilm,
  masksAt: (width: number, height: number) => MaskSet | null,
  highlight: Structure[],
  maxHeight: number,
): Uint8Array {
  const size = reviewSize(film, maxHeight);
  const base = {
    ...size,
    pixels: shrinkGrey(film.pixels, film.width, film.height, size.width, size.height),
    bitsStored: film.bitDepth,
  };
  const masks = masksAt(size.width, size.height);
  const overlay = renderOverlay(base, masks?.masks ?? {}, masks?.levels, { highlight });
  return encodePngRgb(overlay.rgb, overlay.width, overlay.height);
}

/**
 * The film's own grey values (16-bit PNG, bone bright, at most `maxHeight` tall) and the window a viewer should
 * start from, so a reviewer can window and level the real data rather than an 8-bit rendering of it.
 */
export function renderReviewPixels(
  film: GreyFilm,
  maxHeight: number,
): { png: Uint8Array; window: { centre: number; width: number } } {
  const size = reviewSize(film, maxHeight);
  const grey = shrinkGrey(film.pixels, film.width, film.height, size.width, size.height);
  return { png: encodePng16(grey, size.width, size.height), window: windowCentreWidth(robustWindow(grey)) };
}
