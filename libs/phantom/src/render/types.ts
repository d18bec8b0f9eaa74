import { STRUCTURES, type Structure } from '@spineqc/qc-standard';

/** Per-pixel line integrals (cm of each basis material) along the ray from the source to the pixel. */
export interface LineIntegrals {
  width: number;
  height: number;
  bone: Float32Array;
  water: Float32Array;
  metal: Float32Array;
  /** Part of `bone` contributed by textured (cancellous) primitives, to be modulated by texture. */
  texturedBone: Float32Array;
}

export interface RenderResult {
  integrals: LineIntegrals;
  /** 0/1 silhouette of every structure. */
  masks: Record<Structure, Uint8Array>;
  /** Level code of the thickest vertebral body along each ray; 0 elsewhere. */
  levels: Uint8Array;
}

/** A zeroed result for a width × height image, for renderers to fill. */
export function emptyRenderResult(width: number, height: number): RenderResult {
  const n = width * height;
  return {
    integrals: {
      width,
      height,
      bone: new Float32Array(n),
      water: new Float32Array(n),
      metal: new Float32Array(n),
      texturedBone: new Float32Array(n),
    },
    masks: Object.fromEntries(STRUCTURES.map((s) => [s, new Uint8Array(n)])) as Record<Structure, Uint8Array>,
    levels: new Uint8Array(n),
  };
}
