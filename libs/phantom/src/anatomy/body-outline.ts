import type { Primitive } from '../geometry/primitive.js';
import { type Vec3, scale } from '../geometry/vec.js';
import { FAT_WATER, softTissue } from './materials.js';
import { keepAbove, keepBelow, toPrimitive, type Plane, type Shape } from './shape.js';

/** The trunk's flat-sided elliptic section: centre and the half extents of its flat sides. */
export interface TrunkSection {
  centerY: number;
  halfWidth: number;
  halfDepth: number;
}

export type BodySide = 'back' | 'front' | 'left' | 'right';

/** A point of the skeleton (plus its cover) that must lie inside: `depth` beyond a flat side, at (`along`, `z`). */
export interface BulgeNeed {
  /** Coordinate along the side: x for back and front, y for the flanks. */
  along: number;
  z: number;
  depth: number;
}

/**
 * A bulge of the body beyond one flat side of the trunk (upper back, buttocks, chest, belly, chest
 * wall, hips) between two heights: the cap of an ellipsoid outside that side's plane, so it joins
 * the trunk without overlap and swells and fades smoothly along the body — no slab edges to draw
 * lines across the film. It stands out just enough to hold its needs.
 */
export interface Bulge {
  name: string;
  side: BodySide;
  zLow: number;
  zHigh: number;
  needs: readonly BulgeNeed[];
}

export interface BodyOutlineInput {
  trunk: TrunkSection;
  zTop: number;
  zBottom: number;
  fat: number;
  /** Bulges on one side must not overlap in height. */
  bulges: readonly Bulge[];
  thighs: { centerX: number; centerY: number; halfWidth: number; halfDepth: number; zBottom: number }[];
}

/** The flat sides sit at this fraction of the elliptic semi-axes, so the corners are rounded. */
const FLAT = 0.85;
/** A bulge's footprint covers this fraction of its flat side (≤ √(1 − FLAT²) so it stays on the flat). */
const FOOTPRINT = 0.5;

/**
 * The body: one elliptic cylinder with flattened back, front and flanks from the chest to the
 * perineum, with bulges on its sides, and two thighs below. Every piece is a fat-layered pair:
 * outer at fat density (water 0.92), a copy inset by the fat thickness adds the lean remainder.
 */
export function buildBodyOutline(o: BodyOutlineInput): Primitive[] {
  const { trunk: t, fat } = o;
  const semiX = t.halfWidth / FLAT;
  const semiY = t.halfDepth / FLAT;
  const sidePlane = (side: BodySide, inset: number): Plane => {
    if (side === 'back') return keepAbove([0, 1, 0], [0, t.centerY - t.halfDepth + inset, 0]);
    if (side === 'front') return keepBelow([0, 1, 0], [0, t.centerY + t.halfDepth - inset, 0]);
    if (side === 'left') return keepBelow([1, 0, 0], [t.halfWidth - inset, 0, 0]);
    return keepAbove([1, 0, 0], [-t.halfWidth + inset, 0, 0]);
  };
  const trunk = (inset: number): Shape => ({
    kind: 'cylinder',
    center: [0, t.centerY, (o.zTop + o.zBottom) / 2],
    axes: [
      [Math.max(5, semiX - inset), 0, 0],
      [0, Math.max(5, semiY - inset), 0],
      [0, 0, (o.zTop - o.zBottom) / 2],
    ],
    planes: (['back', 'front', 'left', 'right'] as const).map((side) => sidePlane(side, inset)),
  });
  const prims: Primitive[] = [...layered(trunk, fat, 'trunk')];

  const heightLimits: Plane[] = [
    keepBelow([0, 0, 1], [0, 0, o.zTop]),
    keepAbove([0, 0, 1], [0, 0, o.zBottom]),
  ];
  for (const b of o.bulges) {
    const flank = b.side === 'left' || b.side === 'right';
    // The footprint: on the flat part of the side and within the bulge's heights, just big enough
    // round its needs that they sit well inside it, where a shallow cap still stands out.
    const centreAlong = flank ? t.centerY : 0;
    const maxAlong = FOOTPRINT * (flank ? semiY : semiX);
    const needs = b.needs.filter(
      (n) => n.depth > 1 && n.z > b.zLow && n.z < b.zHigh && Math.abs(n.along - centreAlong) < maxAlong,
    );
    if (!needs.length) continue;
    const zs = needs.map((n) => n.z);
    const zLow = Math.max(b.zLow, Math.min(...zs) - 0.6 * (Math.max(...zs) - Math.min(...zs)) - 40);
    const zHigh = Math.min(b.zHigh, Math.max(...zs) + 0.6 * (Math.max(...zs) - Math.min(...zs)) + 40);
    const spread = Math.max(...needs.map((n) => Math.abs(n.along - centreAlong)));
    const footprint = {
      along: centreAlong,
      halfAlong: Math.min(maxAlong, 1.5 * spread + 30),
      z: (zLow + zHigh) / 2,
      halfHeight: (zHigh - zLow) / 2,
    };
    const cap = capFor(needs, footprint);
    if (!cap) continue;
    const normal: Vec3 =
      b.side === 'back'
        ? [0, -1, 0]
        : b.side === 'front'
          ? [0, 1, 0]
          : b.side === 'left'
            ? [1, 0, 0]
            : [-1, 0, 0];
    const along: Vec3 = flank ? [0, 1, 0] : [1, 0, 0];
    const inward = cap.depth - cap.protrusion;
    const centre: Vec3 =
      b.side === 'back'
        ? [footprint.along, t.centerY - t.halfDepth + inward, footprint.z]
        : b.side === 'front'
          ? [footprint.along, t.centerY + t.halfDepth - inward, footprint.z]
          : [(b.side === 'left' ? 1 : -1) * (t.halfWidth - inward), footprint.along, footprint.z];
    const bulge = (inset: number): Shape => ({
      kind: 'ellipsoid',
      center: centre,
      axes: [
        scale(normal, Math.max(3, cap.depth - inset)),
        scale(along, Math.max(3, cap.semiAlong - inset)),
        [0, 0, Math.max(3, cap.semiHeight - inset)],
      ],
      planes: [flip(sidePlane(b.side, inset)), ...heightLimits],
    });
    prims.push(...layered(bulge, fat, b.name));
  }
  for (const [i, th] of o.thighs.entries()) {
    const thigh = (inset: number): Shape => ({
      kind: 'cylinder',
      center: [th.centerX, th.centerY, (o.zBottom + th.zBottom) / 2],
      axes: [
        [Math.max(5, th.halfWidth - inset), 0, 0],
        [0, Math.max(5, th.halfDepth - inset), 0],
        [0, 0, (o.zBottom - th.zBottom) / 2],
      ],
    });
    prims.push(...layered(thigh, fat, i === 0 ? 'left thigh' : 'right thigh'));
  }
  return prims;
}

interface Cap {
  protrusion: number;
  /** Semi-axis across the side (the ellipsoid's depth) and along it, at the centre. */
  depth: number;
  semiAlong: number;
  semiHeight: number;
}

/**
 * The shallowest ellipsoid cap on the given footprint that holds every need on it (grown in steps
 * until it does, at most to three times the deepest need, for needs at the footprint's edge);
 * null when nothing needs it. Needs off the footprint are the trunk's corners' business.
 */
function capFor(
  needs: readonly BulgeNeed[],
  f: { along: number; halfAlong: number; z: number; halfHeight: number },
): Cap | null {
  const onFootprint = (n: BulgeNeed) =>
    ((n.along - f.along) / f.halfAlong) ** 2 + ((n.z - f.z) / f.halfHeight) ** 2 < 0.95;
  const wanted = needs.filter((n) => n.depth > 1 && onFootprint(n));
  if (!wanted.length) return null;
  const shape = (protrusion: number): Cap => {
    const depth = protrusion + Math.max(25, 1.5 * protrusion);
    const k = Math.sqrt(1 - ((depth - protrusion) / depth) ** 2);
    return { protrusion, depth, semiAlong: f.halfAlong / k, semiHeight: f.halfHeight / k };
  };
  const standsOut = (c: Cap, n: BulgeNeed) => {
    const r = ((n.along - f.along) / c.semiAlong) ** 2 + ((n.z - f.z) / c.semiHeight) ** 2;
    return r >= 1 ? -Infinity : c.depth * Math.sqrt(1 - r) - (c.depth - c.protrusion);
  };
  const deepest = Math.max(...wanted.map((n) => n.depth));
  let cap = shape(deepest);
  while (cap.protrusion < 3 * deepest && wanted.some((n) => standsOut(cap, n) < n.depth))
    cap = shape(cap.protrusion * 1.08);
  return cap;
}

function layered(shape: (inset: number) => Shape, fat: number, name: string): Primitive[] {
  return [
    toPrimitive(shape(0), softTissue(FAT_WATER), { name: `${name} (fat)` }),
    toPrimitive(shape(fat), softTissue(1 - FAT_WATER), { name: `${name} (lean)` }),
  ];
}

/** The other side of a plane. */
function flip(p: Plane): Plane {
  return { normal: scale(p.normal, -1), offset: -p.offset };
}
