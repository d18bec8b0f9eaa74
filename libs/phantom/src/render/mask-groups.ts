import type { Structure } from '@spineqc/qc-standard';
import type { Primitive } from '../geometry/primitive.js';
import { intersectRects, isEmptyRect, type PixelRect } from './pixel-rect.js';

/**
 * Hit counters of one mask group (e.g. left and right foramen of one level). A pixel joins the
 * structure mask only where every member is hit, so counters are kept only over the intersection of
 * the members' rectangles: nowhere else can the count reach the total.
 */
export interface MaskGroup {
  structure: Structure | undefined;
  total: number;
  rect: PixelRect;
  rectWidth: number;
  hits: Uint8Array | Uint16Array;
}

/** Groups keyed by name; the structure is that of the group's first primitive, as in the reference. */
export function buildMaskGroups(
  primitives: readonly Primitive[],
  rects: readonly PixelRect[],
): Map<string, MaskGroup> {
  const groups = new Map<string, MaskGroup>();
  primitives.forEach((p, k) => {
    if (!p.maskGroup) return;
    const g = groups.get(p.maskGroup);
    if (!g) {
      groups.set(p.maskGroup, {
        structure: p.structure,
        total: 1,
        rect: rects[k],
        rectWidth: 0,
        hits: new Uint8Array(0),
      });
      return;
    }
    g.total++;
    g.rect = intersectRects(g.rect, rects[k]);
  });
  for (const g of groups.values()) {
    if (isEmptyRect(g.rect)) continue;
    g.rectWidth = g.rect.c1 - g.rect.c0 + 1;
    const size = g.rectWidth * (g.rect.r1 - g.rect.r0 + 1);
    g.hits = g.total > 255 ? new Uint16Array(size) : new Uint8Array(size);
  }
  return groups;
}

/** Marks the pixels hit by every member of each group. */
export function writeGroupMasks(
  groups: Map<string, MaskGroup>,
  masks: Record<Structure, Uint8Array>,
  imageWidth: number,
): void {
  for (const g of groups.values()) {
    if (!g.structure || isEmptyRect(g.rect)) continue;
    const mask = masks[g.structure];
    for (let r = g.rect.r0; r <= g.rect.r1; r++) {
      const from = (r - g.rect.r0) * g.rectWidth;
      for (let c = g.rect.c0; c <= g.rect.c1; c++) {
        if (g.hits[from + c - g.rect.c0] === g.total) mask[r * imageWidth + c] = 1;
      }
    }
  }
}
