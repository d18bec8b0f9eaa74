import { LEVELS, levelFromCode, type Level, type VertebraFinding } from '@spineqc/qc-standard';
import { labelComponents, type Component } from './components.js';
import { minAreaPx, type Scale } from './scale.js';

/** Vertebral bodies smaller than this are segmentation specks, not bodies. */
export const MIN_BODY_AREA_CM2 = 1;

/** A vertebral body found in the level map, in pixel coordinates (inclusive spans). */
export interface Body {
  level: Level;
  component: Component;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Which image border cuts the body, if any. */
  cut: 'top' | 'bottom' | 'both' | null;
  visibleFraction: number;
  counted: boolean;
}

/** Bodies of the level map, top (T6) to bottom (L5): the largest component of each level code. */
export function findVertebrae(
  levels: Uint8Array,
  width: number,
  height: number,
  scale: Scale,
  minVisibleFractionToCount: number,
): Body[] {
  const minPx = minAreaPx(MIN_BODY_AREA_CM2, scale);
  const largest = new Map<number, Component>();
  for (const c of labelComponents(levels, width, height, 'by-value')) {
    if (c.area < minPx || !levelFromCode(c.value)) continue;
    const best = largest.get(c.value);
    if (!best || c.area > best.area) largest.set(c.value, c);
  }
  const bodies = [...largest.entries()]
    .sort(([a], [b]) => a - b)
    .map(([code, c]) => ({
      level: LEVELS[code - 1],
      component: c,
      top: c.minY,
      bottom: c.maxY,
      left: c.minX,
      right: c.maxX,
      cut: cutOf(c, height),
      visibleFraction: 1,
      counted: true,
    }));
  for (const [i, body] of bodies.entries()) {
    if (!body.cut) continue;
    const expected = expectedHeight(bodies, i);
    body.visibleFraction = expected ? clamp01(heightPx(body) / expected) : 1;
    body.counted = body.visibleFraction >= minVisibleFractionToCount;
  }
  return bodies;
}

export function heightPx(body: Body): number {
  return body.bottom - body.top + 1;
}

export function widthPx(body: Body): number {
  return body.right - body.left + 1;
}

export function toFinding(body: Body): VertebraFinding {
  return {
    level: body.level,
    bbox: { x: body.left, y: body.top, width: widthPx(body), height: heightPx(body) },
    visibleFraction: body.visibleFraction,
    counted: body.counted,
  };
}

function cutOf(c: Component, height: number): Body['cut'] {
  const top = c.minY === 0;
  const bottom = c.maxY === height - 1;
  return top && bottom ? 'both' : top ? 'top' : bottom ? 'bottom' : null;
}

/**
 * Full height a cut body would have: the height of the nearest uncut body on the side away from the
 * cutting edge (below a top-cut body, above a bottom-cut one), else on the other side. Adjacent
 * levels differ by a few per cent, far less than the margin around the counting threshold.
 */
function expectedHeight(bodies: Body[], index: number): number | null {
  const below = bodies.slice(index + 1).find((b) => !b.cut);
  const above = bodies
    .slice(0, index)
    .reverse()
    .find((b) => !b.cut);
  const preferred = bodies[index].cut === 'bottom' ? (above ?? below) : (below ?? above);
  return preferred ? heightPx(preferred) : null;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
