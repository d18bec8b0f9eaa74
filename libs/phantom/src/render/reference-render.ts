import type { Structure } from '@spineqc/qc-standard';
import { intersect, prepare, type Primitive } from '../geometry/primitive.js';
import { pixelRay, type Projection } from '../geometry/projection.js';
import { emptyRenderResult, type RenderResult } from './types.js';

/**
 * The obvious renderer: every ray against every primitive. Slow (no culling) but simple enough to
 * be right by inspection, so the fast renderer is tested against it.
 */
export function renderReference(primitives: readonly Primitive[], projection: Projection): RenderResult {
  const { width, height } = projection;
  const prepared = primitives.map(prepare);
  const result = emptyRenderResult(width, height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = row * width + col;
      const { origin, dir } = pixelRay(projection, col, row);
      const groups = new Map<string, { structure: Structure; hits: number; total: number }>();
      let thickestBody = 0;
      for (const p of prepared) {
        if (p.maskGroup) {
          const g = groups.get(p.maskGroup) ?? { structure: p.structure!, hits: 0, total: 0 };
          g.total++;
          groups.set(p.maskGroup, g);
        }
        const hit = intersect(p, origin, dir);
        if (!hit) continue;
        const chordCm = (hit.t1 - hit.t0) / 10;
        result.integrals.bone[i] += chordCm * p.material.bone;
        result.integrals.water[i] += chordCm * p.material.water;
        result.integrals.metal[i] += chordCm * p.material.metal;
        if (p.textured) result.integrals.texturedBone[i] += chordCm * p.material.bone;
        if (p.maskGroup) groups.get(p.maskGroup)!.hits++;
        else if (p.structure) result.masks[p.structure][i] = 1;
        if (p.level && (result.levels[i] === 0 || chordCm > thickestBody)) {
          thickestBody = chordCm;
          result.levels[i] = p.level;
        }
      }
      for (const g of groups.values()) if (g.hits === g.total) result.masks[g.structure][i] = 1;
    }
  }
  return result;
}
