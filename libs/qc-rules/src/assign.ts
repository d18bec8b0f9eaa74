import type { Component } from './components.js';
import { heightPx, type Body } from './vertebrae.js';

/**
 * Assigns posterior-element components (spinous or articular processes) to vertebral bodies: the
 * body whose row span holds the component's centroid, else the nearest body ending above it within
 * one body height — these processes hang caudally below their own body.
 */
export function assignToBodies(
  components: readonly Component[],
  bodies: readonly Body[],
): Map<Body, Component[]> {
  const assigned = new Map<Body, Component[]>();
  for (const c of components) {
    const body = owningBody(c, bodies);
    if (body) assigned.set(body, [...(assigned.get(body) ?? []), c]);
  }
  return assigned;
}

function owningBody(c: Component, bodies: readonly Body[]): Body | undefined {
  const containing = bodies.filter((b) => b.top <= c.cy && c.cy <= b.bottom);
  if (containing.length)
    return containing.reduce((best, b) =>
      distanceToMiddle(b, c.cy) < distanceToMiddle(best, c.cy) ? b : best,
    );
  const above = bodies.filter((b) => b.bottom < c.cy && c.cy - b.bottom <= heightPx(b));
  return above.length ? above.reduce((best, b) => (b.bottom > best.bottom ? b : best)) : undefined;
}

function distanceToMiddle(b: Body, row: number): number {
  return Math.abs((b.top + b.bottom) / 2 - row);
}

export function largest(components: readonly Component[]): Component {
  return components.reduce((best, c) => (c.area > best.area ? c : best));
}
