import type { Structure } from './anatomy.js';

export type Rgb = readonly [number, number, number];

/**
 * One colour per structure, shared by every picture of a segmentation (the server-drawn overlay and the
 * dashboard's viewer), told apart with the common colour-vision deficiencies: the Okabe–Ito palette, with
 * Paul Tol's rose for the pelvis, which never touches the vermillion L3 double-contour region. No colour is
 * grey, so none vanishes on the film.
 */
export const STRUCTURE_COLOURS: Readonly<Record<Structure, Rgb>> = {
  'vertebral-body': [86, 180, 233], // sky blue
  'l3-double-contour': [213, 94, 0], // vermillion
  'spinous-process': [240, 228, 66], // yellow
  pedicle: [204, 121, 167], // reddish purple
  'inferior-articular-process': [230, 159, 0], // orange
  'intervertebral-foramen': [0, 158, 115], // bluish green
  sacrum: [0, 114, 178], // blue
  pelvis: [238, 102, 119], // rose (Tol)
};

/** Large structures first so the small ones inside them stay visible on top. */
export const STRUCTURE_DRAW_ORDER: readonly Structure[] = [
  'pelvis',
  'sacrum',
  'vertebral-body',
  'intervertebral-foramen',
  'pedicle',
  'spinous-process',
  'inferior-articular-process',
  'l3-double-contour',
];
