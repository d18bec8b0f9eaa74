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
const MAX_ROW_DISTANCE = 0.75;

/**
 * Pairs each body with at most one component of a posterior element, and each component with at
 * most one body: the pairs closest to where the element is expected (the expected row, and the
 * body's centre column — the spinous process on AP, the "Scottie dog" side on obliques) are taken
 * first. Pass every body found, so thoracic processes are claimed by their own vertebrae.
 */
export function matchToBodies(
  components: readonly Component[],
  bodies: readonly Body[],
  element: PosteriorElement,
): Map<Body, Component> {
  const pairs: { body: Body; component: Component; cost: number }[] = [];
  for (const body of bodies)
    for (const component of components) {
      const rowDistance = Math.abs(component.cy - expectedRow(body, element)) / heightPx(body);
      if (rowDistance > MAX_ROW_DISTANCE) continue;
      const columnDistance = Math.abs(component.cx - (body.left + body.right) / 2) / widthPx(body);
      pairs.push({ body, component, cost: rowDistance + columnDistance });
    }
  pairs.sort((a, b) => a.cost - b.cost);
  const matched = new Map<Body, Component>();
  const used = new Set<Component>();
  for (const { body, component } of pairs) {
    if (matched.has(body) || used.has(component)) continue;
    matched.set(body, component);
    used.add(component);
  }
  return matched;
}

export function expectedRow(body: Body, element: PosteriorElement): number {
  return body.top + EXPECTED_ROW_FRACTION[element] * heightPx(body);
}
