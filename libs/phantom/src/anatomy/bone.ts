import type { Primitive } from '../geometry/primitive.js';
import { averagedBone, cancellousCore, CORTICAL } from './materials.js';
import { inset, smallestSemiAxis, toPrimitive, type PrimitiveExtra, type Shape } from './shape.js';

export interface BoneOptions extends PrimitiveExtra {
  /** Cortical thickness (mm). */
  cortex: number;
  /** Cancellous bone fraction of the core (0.12–0.25 × boneDensity). */
  density: number;
  /** A tube open at both ends (pedicle, rib segment): the core keeps the full length of axis 3. */
  openEnds?: boolean;
}

/**
 * A bone as a cortical outer primitive (it alone carries the structure, level and name) plus a
 * cancellous core, or one averaged primitive when it is too thin for a core.
 */
export function bone(shape: Shape, options: BoneOptions): Primitive[] {
  const { cortex, density, openEnds, ...extra } = options;
  const thin = smallestSemiAxis(shape);
  if (thin < 2 * cortex + 0.6) {
    const cortical = Math.min(1, cortex / thin);
    return [toPrimitive(shape, averagedBone(cortical + density * (1 - cortical)), extra)];
  }
  const core = inset(shape, cortex, openEnds ? [false, false, true] : [false, false, false]);
  return [
    toPrimitive(shape, CORTICAL, extra),
    toPrimitive(core, cancellousCore(density), { textured: true }),
  ];
}
