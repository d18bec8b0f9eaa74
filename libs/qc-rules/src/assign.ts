import type { Component } from './components.js';
import { heightPx, widthPx, type Body } from './vertebrae.js';

/**
 * Where a posterior element sits on its own vertebra, as a fraction of the body's projected height
 * from its top: lumbar spinous processes over the lower body, inferior articular processes at the
 * lower endplate. Only a prior: lordosis tilts L4–L5 so their posterior elements project higher.
 */
export const EXPECTED_ROW_FRACTION = { 'spinous-process': 0.72, 'inferior-articular-process': 0.85 } as const;
export type PosteriorElement = keyof typeof EXPECTED_ROW_FRACTION;

/** A component farther than this (in body heights) from a body's expected row is not its element. */
const MAX_ROW_DISTANCE = 1;

/** Cost of leaving a body without its element: more than any acceptable pairing. */
const UNMATCHED_COST = 2;

/**
 * Pairs bodies with components of a posterior element, at most one each way, keeping the
 * top-to-bottom order (L4's process lies above L5's) and minimising the summed distance from where
 * the element is expected: the expected row and the body's centre column (the spinous process on
 * AP, the "Scottie dog" side on obliques). Order matters because lordosis tilts L4–L5 so that a
 * process may sit nearer the neighbour's expected row than its own. Pass every body found, so
 * thoracic processes are claimed by their own vertebrae.
 */
export function matchToBodies(
  components: readonly Component[],
  bodies: readonly Body[],
  element: PosteriorElement,
): Map<Body, Component> {
  const cs = [...components].sort((a, b) => a.cy - b.cy);
  const bs = [...bodies].sort((a, b) => a.top - b.top);
  const cost = (body: Body, c: Component): number => {
    const rowDistance = Math.abs(c.cy - expectedRow(body, element)) / heightPx(body);
    if (rowDistance > MAX_ROW_DISTANCE) return Infinity;
    return rowDistance + Math.abs(c.cx - (body.left + body.right) / 2) / widthPx(body);
  };
  // best[i][j]: least cost of bodies i.. with components j.. still free.
  const best = Array.from({ length: bs.length + 1 }, () => new Float64Array(cs.length + 1));
  for (let i = bs.length - 1; i >= 0; i--) {
    best[i][cs.length] = best[i + 1][cs.length] + UNMATCHED_COST;
    for (let j = cs.length - 1; j >= 0; j--)
      best[i][j] = Math.min(
        best[i][j + 1],
        best[i + 1][j] + UNMATCHED_COST,
        best[i + 1][j + 1] + cost(bs[i], cs[j]),
      );
  }
  const matched = new Map<Body, Component>();
  for (let i = 0, j = 0; i < bs.length && j <= cs.length;) {
    if (j < cs.length && best[i][j] === best[i][j + 1]) j++;
    else if (j < cs.length && best[i][j] === best[i + 1][j + 1] + cost(bs[i], cs[j])) {
      matched.set(bs[i], cs[j]);
      i++;
      j++;
    } else i++;
  }
  return matched;
}

export function expectedRow(body: Body, element: PosteriorElement): number {
  return body.top + EXPECTED_ROW_FRACTION[element] * heightPx(body);
}

/**
 * Neighbouring processes can touch on the film: lordosis with thin discs brings L4's and L5's
 * spinous processes together (and a network may join them). A component about twice as tall as the
 * typical one is two processes: it is cut into equal row bands, each measured on its own pixels.
 */
export function splitMerged(components: readonly Component[], mask: Uint8Array, width: number): Component[] {
  const heights = components.map((c) => c.maxY - c.minY + 1).sort((a, b) => a - b);
  const typical = heights[Math.floor(heights.length / 2)];
  if (components.length < 3 || !typical) return [...components];
  return components.flatMap((c) => {
    const parts = Math.round((c.maxY - c.minY + 1) / typical);
    if (parts < 2) return [c];
    const band = (c.maxY - c.minY + 1) / parts;
    return Array.from({ length: parts }, (_, i) =>
      measureRows(mask, width, c, c.minY + i * band, c.minY + (i + 1) * band),
    ).filter((part): part is Component => part !== null);
  });
}

/** The pixels of `c`'s bounding box in rows [from, to) as a component of their own, or null if none. */
function measureRows(
  mask: Uint8Array,
  width: number,
  c: Component,
  from: number,
  to: number,
): Component | null {
  let area = 0;
  let sx = 0;
  let sy = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let y = Math.ceil(from); y < to && y <= c.maxY; y++)
    for (let x = c.minX; x <= c.maxX; x++)
      if (mask[y * width + x]) {
        area++;
        sx += x;
        sy += y;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  if (!area) return null;
  return {
    value: c.value,
    area,
    cx: sx / area,
    cy: sy / area,
    minX,
    maxX,
    minY,
    maxY,
    touchesBorder: c.touchesBorder,
  };
}
