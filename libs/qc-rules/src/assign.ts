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
