/** Image-to-screen mapping: screen = image × scale + offset (CSS pixels of the canvas). */
export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface ZoomLimits {
  min: number;
  max: number;
}

/** Each +/− press or wheel notch multiplies the scale by this. */
export const ZOOM_STEP = 1.25;

/** The whole image centred in the view, as large as fits with `padding` around it. */
export function fitTransform(image: Size, view: Size, padding = 8): ViewTransform {
  const availableW = Math.max(1, view.width - 2 * padding);
  const availableH = Math.max(1, view.height - 2 * padding);
  const scale = Math.min(availableW / image.width, availableH / image.height);
  return {
    scale,
    x: (view.width - image.width * scale) / 2,
    y: (view.height - image.height * scale) / 2,
  };
}

/** From a quarter of the fitted size to 16 screen pixels per image pixel (or 4× the fit, if larger). */
export function zoomLimits(fitScale: number): ZoomLimits {
  return { min: fitScale / 4, max: Math.max(16, fitScale * 4) };
}

export function imageToScreen(t: ViewTransform, p: Point): Point {
  return { x: p.x * t.scale + t.x, y: p.y * t.scale + t.y };
}

export function screenToImage(t: ViewTransform, p: Point): Point {
  return { x: (p.x - t.x) / t.scale, y: (p.y - t.y) / t.scale };
}

/** Zooms by `factor` keeping the image point under `anchor` (a screen point) where it is. */
export function zoomAbout(
  t: ViewTransform,
  factor: number,
  anchor: Point,
  limits: ZoomLimits,
): ViewTransform {
  const scale = Math.min(limits.max, Math.max(limits.min, t.scale * factor));
  const ratio = scale / t.scale;
  return { scale, x: anchor.x - (anchor.x - t.x) * ratio, y: anchor.y - (anchor.y - t.y) * ratio };
}

/** Moves the image by a screen delta. */
export function panBy(t: ViewTransform, dx: number, dy: number): ViewTransform {
  return { ...t, x: t.x + dx, y: t.y + dy };
}

/**
 * Keeps at least `margin` screen pixels of the image inside the view on each axis, so it can never be
 * dragged out of sight (the margin shrinks to the image's own size when it is smaller).
 */
export function clampPan(t: ViewTransform, image: Size, view: Size, margin = 64): ViewTransform {
  const clampAxis = (offset: number, imageExtent: number, viewExtent: number) => {
    const keep = Math.min(margin, imageExtent, viewExtent);
    return Math.min(viewExtent - keep, Math.max(keep - imageExtent, offset));
  };
  return {
    scale: t.scale,
    x: clampAxis(t.x, image.width * t.scale, view.width),
    y: clampAxis(t.y, image.height * t.scale, view.height),
  };
}
