import { levelFromCode, type MaskSet } from '@spineqc/qc-standard';

/**
 * Typical projected height of a lumbar vertebral body on a lumbar film, mm (≈ 27 mm anatomical
 * L1–L5 mean × ≈ 1.1 radiographic magnification). Used only when the file carries no pixel
 * spacing (PNG/JPEG): the rules need millimetres for their minimum structure sizes.
 */
export const TYPICAL_LUMBAR_BODY_HEIGHT_MM = 30;

/**
 * Detector pixels of radiographs lie between ~0.05 mm (mammography-grade) and ~1 mm (downsampled
 * exports); a spacing outside [0.02, 5] mm is a damaged or hostile header, and the rules' minimum
 * structure sizes computed from it would be nonsense (every structure "present", or none). Such a
 * spacing is ignored, as a missing one is.
 */
export const PLAUSIBLE_PIXEL_SPACING_MM: readonly [number, number] = [0.02, 5];

export function isPlausibleSpacing(mm: readonly number[]): boolean {
  const [low, high] = PLAUSIBLE_PIXEL_SPACING_MM;
  return mm.length > 0 && mm.every((v) => Number.isFinite(v) && v >= low && v <= high);
}

export interface SpacingDecision {
  /** [row, col] mm per analysis pixel. */
  mm: [number, number];
  source: 'file' | 'user' | 'estimated';
}

/** Median height in pixels of the lumbar bodies in a level map, or undefined if none. */
export function medianLumbarBodyHeight(masks: MaskSet): number | undefined {
  const top = new Map<number, number>();
  const bottom = new Map<number, number>();
  for (let y = 0; y < masks.height; y++)
    for (let x = 0; x < masks.width; x++) {
      const code = masks.levels[y * masks.width + x];
      if (!code || !levelFromCode(code)?.startsWith('L')) continue;
      if (!top.has(code)) top.set(code, y);
      bottom.set(code, y);
    }
  const heights = [...top.keys()]
    .map((code) => bottom.get(code)! - top.get(code)! + 1)
    .filter((h) => h > 0)
    .sort((a, b) => a - b);
  return heights.length ? heights[Math.floor(heights.length / 2)] : undefined;
}

export function decideSpacing(
  fileSpacing: [number, number] | null,
  userSpacing: number | undefined,
  analysisScale: [number, number],
  masks: MaskSet,
): SpacingDecision {
  const scaled = (mm: [number, number]): [number, number] => [
    mm[0] * analysisScale[0],
    mm[1] * analysisScale[1],
  ];
  // The file's own spacing wins: the user's value is for files that carry none (PNG/JPEG), and a
  // batch may mix both kinds under one --pixel-spacing.
  if (fileSpacing && isPlausibleSpacing(fileSpacing)) return { mm: scaled(fileSpacing), source: 'file' };
  if (userSpacing && isPlausibleSpacing([userSpacing]))
    return { mm: scaled([userSpacing, userSpacing]), source: 'user' };
  const median = medianLumbarBodyHeight(masks);
  // Without bodies nothing gets measured; any positive spacing keeps the rules' input valid.
  const mm = median ? TYPICAL_LUMBAR_BODY_HEIGHT_MM / median : 1;
  return { mm: [mm, mm], source: 'estimated' };
}
