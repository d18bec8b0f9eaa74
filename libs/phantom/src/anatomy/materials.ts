import type { MaterialWeights } from '../geometry/primitive.js';

/**
 * Material deltas (see primitive.ts: weights add over what encloses a primitive). Everything sits
 * inside the soft-tissue body, so a solid that displaces tissue carries water −(its own volume).
 */
export const CORTICAL: MaterialWeights = { bone: 1, water: -1, metal: 0 };

/** Core inside a cortical primitive: ends as cancellous bone ρ with marrow (≈ water) in the rest. */
export function cancellousCore(density: number): MaterialWeights {
  return { bone: density - 1, water: 1 - density, metal: 0 };
}

/** Undo a cancellous core back to cortical bone (inner cortex of a shell). */
export function corticalAgain(density: number): MaterialWeights {
  return { bone: 1 - density, water: density - 1, metal: 0 };
}

/** Hollow of a cortical shell (back to soft tissue). */
export const HOLLOW: MaterialWeights = { bone: -1, water: 1, metal: 0 };

/** A piece too small to model its cortex: bone at an averaged volume fraction. */
export function averagedBone(fraction: number): MaterialWeights {
  return { bone: fraction, water: -fraction, metal: 0 };
}

export function softTissue(water: number): MaterialWeights {
  return { bone: 0, water, metal: 0 };
}

/** Titanium in soft tissue. */
export const TITANIUM: MaterialWeights = { bone: 0, water: -1, metal: 1 };
/** Mask-only primitives (endplate discs, foramina). */
export const NO_ATTENUATION: MaterialWeights = { bone: 0, water: 0, metal: 0 };

/** Fat is a little less attenuating than lean tissue. */
export const FAT_WATER = 0.92;
