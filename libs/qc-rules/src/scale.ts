/** Pixel size of the film, to convert pixel counts and lengths to clinical units. */
export interface Scale {
  rowMm: number;
  colMm: number;
}

export function areaCm2(pixels: number, scale: Scale): number {
  return (pixels * scale.rowMm * scale.colMm) / 100;
}

/** Smallest pixel count of a component of at least `cm2`. */
export function minAreaPx(cm2: number, scale: Scale): number {
  return (cm2 * 100) / (scale.rowMm * scale.colMm);
}
