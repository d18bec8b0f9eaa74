import type { Primitive } from '../geometry/primitive.js';
import type { Projection } from '../geometry/projection.js';
import { inverseRayLengths, KIND_CYLINDER, KIND_ELLIPSOID, localRays, type LocalRays } from './local-rays.js';
import { buildMaskGroups, writeGroupMasks, type MaskGroup } from './mask-groups.js';
import { isEmptyRect, primitiveRect, unionRects, EMPTY_RECT, type PixelRect } from './pixel-rect.js';
import { emptyRenderResult, type RenderResult } from './types.js';

/** Per-pixel thickest level chord so far, kept only over the rectangle that level primitives can reach. */
interface LevelScratch {
  rect: PixelRect;
  rectWidth: number;
  thickest: Float64Array;
}

interface Target {
  width: number;
  inverseLength: Float64Array;
  result: RenderResult;
  levelScratch: LevelScratch;
  clipRow: Float64Array;
}

/**
 * Same line integrals, masks and level map as `renderReference`, but each primitive only visits the
 * pixels of its projected bounding rectangle, primitive after primitive, with the ray maths inlined.
 */
export function render(primitives: readonly Primitive[], projection: Projection): RenderResult {
  const { width, height } = projection;
  const result = emptyRenderResult(width, height);
  const rects = primitives.map((p) => primitiveRect(p, projection));
  const groups = buildMaskGroups(primitives, rects);
  const levelRect = primitives.reduce<PixelRect>(
    (u, p, k) => (p.level ? unionRects(u, rects[k]) : u),
    EMPTY_RECT,
  );
  const levelWidth = isEmptyRect(levelRect) ? 0 : levelRect.c1 - levelRect.c0 + 1;
  const target: Target = {
    width,
    inverseLength: inverseRayLengths(projection),
    result,
    levelScratch: {
      rect: levelRect,
      rectWidth: levelWidth,
      thickest: new Float64Array(isEmptyRect(levelRect) ? 0 : levelWidth * (levelRect.r1 - levelRect.r0 + 1)),
    },
    clipRow: new Float64Array(primitives.reduce((m, p) => Math.max(m, p.clips?.length ?? 0), 0)),
  };
  primitives.forEach((p, k) => {
    if (isEmptyRect(rects[k])) return;
    const group = p.maskGroup ? groups.get(p.maskGroup)! : null;
    trace(p, localRays(p, projection), rects[k], group, target);
  });
  writeGroupMasks(groups, result.masks, width);
  return result;
}

/** Intersects the rays of `rect` with one primitive and accumulates what they hit. */
function trace(p: Primitive, rays: LocalRays, rect: PixelRect, group: MaskGroup | null, t: Target): void {
  const { width, inverseLength, clipRow } = t;
  const { bone, water, metal, texturedBone } = t.result.integrals;
  const { levels } = t.result;
  const { rect: levelRect, rectWidth: levelWidth, thickest } = t.levelScratch;
  const wb = p.material.bone;
  const ww = p.material.water;
  const wm = p.material.metal;
  const textured = p.textured === true && wb !== 0;
  const level = p.level ?? 0;
  const mask = !group && p.structure ? t.result.masks[p.structure] : null;
  const groupHits = group && !isEmptyRect(group.rect) ? group.hits : null;
  const gr = group?.rect ?? EMPTY_RECT;
  const groupWidth = group?.rectWidth ?? 0;

  const { kind, clipCount, clipOn, clipBase, clipCol, clipRow: clipRowCoef, clipOffset } = rays;
  const [ox, oy, oz] = rays.o;
  const [bx, by, bz] = rays.base;
  const [cx, cy, cz] = rays.col;
  const [rx, ry, rz] = rays.row;
  const sphereC = ox * ox + oy * oy + oz * oz - 1;
  const tubeC = ox * ox + oy * oy - 1;

  for (let r = rect.r0; r <= rect.r1; r++) {
    const rowX = bx + r * rx;
    const rowY = by + r * ry;
    const rowZ = bz + r * rz;
    for (let k = 0; k < clipCount; k++) clipRow[k] = clipBase[k] + r * clipRowCoef[k];
    const rowStart = r * width;
    pixels: for (let c = rect.c0; c <= rect.c1; c++) {
      const i = rowStart + c;
      const s = inverseLength[i];
      const dx = (rowX + c * cx) * s;
      const dy = (rowY + c * cy) * s;
      const dz = (rowZ + c * cz) * s;
      let t0 = -Infinity;
      let t1 = Infinity;
      if (kind === KIND_ELLIPSOID) {
        const a = dx * dx + dy * dy + dz * dz;
        const b = ox * dx + oy * dy + oz * dz;
        const disc = b * b - a * sphereC;
        if (disc <= 0) continue;
        const root = Math.sqrt(disc);
        t0 = (-b - root) / a;
        t1 = (-b + root) / a;
      } else if (kind === KIND_CYLINDER) {
        const a = dx * dx + dy * dy;
        if (a < 1e-15) {
          if (tubeC > 0) continue;
        } else {
          const b = ox * dx + oy * dy;
          const disc = b * b - a * tubeC;
          if (disc <= 0) continue;
          const root = Math.sqrt(disc);
          t0 = (-b - root) / a;
          t1 = (-b + root) / a;
        }
        // Caps: oz + t·dz ≤ 1 and −oz − t·dz ≤ 1, in the reference's order.
        if (Math.abs(dz) < 1e-15) {
          if (oz > 1 || -oz > 1) continue;
        } else {
          const upper = (1 - oz) / dz;
          if (dz > 0) t1 = Math.min(t1, upper);
          else t0 = Math.max(t0, upper);
          if (!(t1 >= t0)) continue;
          const lower = (1 + oz) / -dz;
          if (-dz > 0) t1 = Math.min(t1, lower);
          else t0 = Math.max(t0, lower);
          if (!(t1 >= t0)) continue;
        }
      } else {
        if (Math.abs(dz) < 1e-12) continue;
        const at = -oz / dz;
        const x = ox + at * dx;
        const y = oy + at * dy;
        if (x * x + y * y > 1) continue;
        t0 = t1 = at;
      }
      for (let k = 0; k < clipCount; k++) {
        const on = clipOn[k];
        const dn = (clipRow[k] + c * clipCol[k]) * s;
        if (Math.abs(dn) < 1e-15) {
          if (on > clipOffset[k]) continue pixels;
        } else {
          const at = (clipOffset[k] - on) / dn;
          if (dn > 0) t1 = Math.min(t1, at);
          else t0 = Math.max(t0, at);
        }
        if (!(t1 >= t0)) continue pixels;
      }
      if (!(t1 >= t0)) continue;

      const chordCm = (t1 - t0) / 10;
      if (wb !== 0) bone[i] += chordCm * wb;
      if (ww !== 0) water[i] += chordCm * ww;
      if (wm !== 0) metal[i] += chordCm * wm;
      if (textured) texturedBone[i] += chordCm * wb;
      if (mask) mask[i] = 1;
      else if (groupHits && r >= gr.r0 && r <= gr.r1 && c >= gr.c0 && c <= gr.c1)
        groupHits[(r - gr.r0) * groupWidth + c - gr.c0]++;
      if (level) {
        const j = (r - levelRect.r0) * levelWidth + c - levelRect.c0;
        if (levels[i] === 0 || chordCm > thickest[j]) {
          thickest[j] = chordCm;
          levels[i] = level;
        }
      }
    }
  }
}
