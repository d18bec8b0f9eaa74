/** Projection views of a lumbar spine series. */
export const VIEWS = ['ap', 'lateral', 'oblique'] as const;
export type View = (typeof VIEWS)[number];

/**
 * Segmented structures, kebab-case as they appear in file names. Multi-label: structures overlap
 * in projection, so each has its own binary mask; a view that does not show one has an empty mask.
 */
export const STRUCTURES = [
  'vertebral-body',
  'l3-double-contour',
  'spinous-process',
  'pedicle',
  'inferior-articular-process',
  'intervertebral-foramen',
  'sacrum',
  'pelvis',
] as const;
export type Structure = (typeof STRUCTURES)[number];

/** Vertebral levels the phantom models and the level map encodes (T6 is the highest a lumbar field can reach). */
export const LEVELS = ['T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5'] as const;
export type Level = (typeof LEVELS)[number];

/** Code of a level in the 8-bit level map; 0 is background. T6 = 1 … L5 = 12. */
export function levelCode(level: Level): number {
  return LEVELS.indexOf(level) + 1;
}

export function levelFromCode(code: number): Level | undefined {
  return LEVELS[code - 1];
}

/** Legend of the level map, as written to truth.json. */
export function levelLegend(): Record<string, Level> {
  return Object.fromEntries(LEVELS.map((level, i) => [String(i + 1), level]));
}

export function isLumbar(level: Level): boolean {
  return level.startsWith('L');
}

export function isView(value: string): value is View {
  return (VIEWS as readonly string[]).includes(value);
}

export function isStructure(value: string): value is Structure {
  return (STRUCTURES as readonly string[]).includes(value);
}
