// Test helpers only (excluded from the build): draw small hand-made mask sets.
import {
  LEVELS,
  levelCode,
  STRUCTURES,
  type Level,
  type MaskSet,
  type Structure,
} from '@spineqc/qc-standard';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function blankMasks(width: number, height: number): MaskSet {
  const masks = Object.fromEntries(STRUCTURES.map((s) => [s, new Uint8Array(width * height)])) as Record<
    Structure,
    Uint8Array
  >;
  return { width, height, masks, levels: new Uint8Array(width * height) };
}

/** Fills the rectangle (clipped to the image) with `value`. */
export function fillRect(set: MaskSet, target: Uint8Array, r: Rect, value = 1): void {
  for (let y = Math.max(0, r.y); y < Math.min(set.height, r.y + r.h); y++)
    for (let x = Math.max(0, r.x); x < Math.min(set.width, r.x + r.w); x++) target[y * set.width + x] = value;
}

/** Fills the ellipse centred at (cx, cy) with radii (rx, ry), pixel centres inside. */
export function fillEllipse(
  set: MaskSet,
  target: Uint8Array,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  value = 1,
): void {
  for (let y = Math.max(0, Math.floor(cy - ry)); y <= Math.min(set.height - 1, Math.ceil(cy + ry)); y++)
    for (let x = Math.max(0, Math.floor(cx - rx)); x <= Math.min(set.width - 1, Math.ceil(cx + rx)); x++)
      if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) target[y * set.width + x] = value;
}

export interface SpineScene {
  set: MaskSet;
  /** Rectangle of each drawn body, unclipped (may extend past the image). */
  bodies: Partial<Record<Level, Rect>>;
}

export interface SceneOptions {
  width?: number;
  height?: number;
  top?: Level;
  bottom?: Level;
  /** Row of the top body's upper edge; negative values cut it at the image top. */
  firstRow?: number;
  x?: number;
  bodyWidth?: number;
  bodyHeight?: number;
  gap?: number;
}

/**
 * A column of rectangular bodies in the level map. Defaults: 200×360 px, T11–L5, bodies 40×28 px
 * with 10 px discs (a level step of 38 px) starting at row 40.
 */
export function spineScene(o: SceneOptions = {}): SpineScene {
  const { width = 200, height = 360, top = 'T11', bottom = 'L5', firstRow = 40, x = 80 } = o;
  const { bodyWidth = 40, bodyHeight = 28, gap = 10 } = o;
  const set = blankMasks(width, height);
  const bodies: Partial<Record<Level, Rect>> = {};
  const levels = LEVELS.slice(LEVELS.indexOf(top), LEVELS.indexOf(bottom) + 1);
  levels.forEach((level, i) => {
    const r = { x, y: firstRow + i * (bodyHeight + gap), w: bodyWidth, h: bodyHeight };
    bodies[level] = r;
    fillRect(set, set.levels, r, levelCode(level));
  });
  return { set, bodies };
}

/** The same film seen from the other side: every mask flipped left-right. */
export function mirrorX(set: MaskSet): MaskSet {
  const flip = (data: Uint8Array) => {
    const out = new Uint8Array(data.length);
    for (let y = 0; y < set.height; y++)
      for (let x = 0; x < set.width; x++) out[y * set.width + x] = data[y * set.width + (set.width - 1 - x)];
    return out;
  };
  const masks = Object.fromEntries(STRUCTURES.map((s) => [s, flip(set.masks[s])])) as Record<
    Structure,
    Uint8Array
  >;
  return { width: set.width, height: set.height, masks, levels: flip(set.levels) };
}

export function cloneMasks(set: MaskSet): MaskSet {
  const masks = Object.fromEntries(STRUCTURES.map((s) => [s, set.masks[s].slice()])) as Record<
    Structure,
    Uint8Array
  >;
  return { width: set.width, height: set.height, masks, levels: set.levels.slice() };
}
