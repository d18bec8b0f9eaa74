import type { Level } from '@spineqc/qc-standard';
import type { VertebraLandmarks } from '../anatomy/types.js';
import { bounds, convexHull, ellipseRim, type Polygon } from '../geometry/polygon.js';
import { projectPoint, type Projection } from '../geometry/projection.js';

/** A vertebral body as it lands on the detector, computed from its 3-D caps (the body is convex). */
export interface ProjectedVertebra {
  level: Level;
  landmarks: VertebraLandmarks;
  outline: Polygon;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Fraction of the body's projected height inside the image rows. */
  visibleFraction: number;
}

export function projectVertebra(p: Projection, v: VertebraLandmarks): ProjectedVertebra {
  const rim = [...ellipseRim(v.upperEndplate), ...ellipseRim(v.lowerEndplate)];
  const outline = convexHull(rim.map((q) => projectPoint(p, q)));
  const b = bounds(outline);
  const inside = Math.max(0, Math.min(b.maxY, p.height - 0.5) - Math.max(b.minY, -0.5));
  const horizontallyInside = b.maxX > -0.5 && b.minX < p.width - 0.5;
  return {
    level: v.level,
    landmarks: v,
    outline,
    left: b.minX,
    right: b.maxX,
    top: b.minY,
    bottom: b.maxY,
    visibleFraction: horizontallyInside ? inside / (b.maxY - b.minY) : 0,
  };
}

export function insideImage(p: Projection, point: [number, number]): boolean {
  return point[0] >= -0.5 && point[0] <= p.width - 0.5 && point[1] >= -0.5 && point[1] <= p.height - 0.5;
}
