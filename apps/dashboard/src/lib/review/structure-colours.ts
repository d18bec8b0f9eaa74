import { STRUCTURE_COLOURS, STRUCTURE_DRAW_ORDER, type Rgb, type Structure } from '@spineqc/qc-standard';

// The palette is the server overlay's (qc-standard), so the tablet's picture and this viewer read alike.
export { STRUCTURE_COLOURS, STRUCTURE_DRAW_ORDER as DRAW_ORDER, type Rgb };

export function rgbCss([r, g, b]: Rgb): string {
  return `rgb(${r} ${g} ${b})`;
}

/** Human names for the kebab-case structure ids. */
export const STRUCTURE_NAMES: Readonly<Record<Structure, string>> = {
  'vertebral-body': 'Vertebral bodies',
  'l3-double-contour': 'L3 double contour',
  'spinous-process': 'Spinous processes',
  pedicle: 'Pedicles',
  'inferior-articular-process': 'Inferior articular processes',
  'intervertebral-foramen': 'Intervertebral foramina',
  sacrum: 'Sacrum',
  pelvis: 'Pelvis',
};
