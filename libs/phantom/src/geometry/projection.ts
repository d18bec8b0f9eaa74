import { type Vec3, add, cross, dot, normalize, scale, sub } from './vec.js';

/**
 * A cone-beam exposure expressed in the patient frame: a point source and a flat detector whose
 * pixel (col, row) centre is origin + col·du + row·dv. |du| and |dv| are the column and row
 * spacings (mm) at the detector. Only the collimated field is imaged, so the image is the field.
 */
export interface Projection {
  source: Vec3;
  origin: Vec3;
  du: Vec3;
  dv: Vec3;
  width: number;
  height: number;
}

/** Unit direction and origin of the ray through the centre of pixel (col, row). */
export function pixelRay(p: Projection, col: number, row: number): { origin: Vec3; dir: Vec3 } {
  const target = add(p.origin, add(scale(p.du, col), scale(p.dv, row)));
  return { origin: p.source, dir: normalize(sub(target, p.source)) };
}

/** Continuous pixel coordinates (col, row) where the ray from the source through `point` meets the detector. */
export function projectPoint(p: Projection, point: Vec3): [number, number] {
  const n = cross(p.du, p.dv);
  const ray = sub(point, p.source);
  const t = dot(sub(p.origin, p.source), n) / dot(ray, n);
  const hit = sub(add(p.source, scale(ray, t)), p.origin);
  // Solve hit = col·du + row·dv (du ⟂ dv).
  return [dot(hit, p.du) / dot(p.du, p.du), dot(hit, p.dv) / dot(p.dv, p.dv)];
}

/** Column and row spacing in mm. */
export function pixelSpacing(p: Projection): { col: number; row: number } {
  return { col: Math.hypot(...p.du), row: Math.hypot(...p.dv) };
}
