import type { Vertebra } from '@spineqc/contracts';
import type { Size } from './viewport';

export interface LevelBox {
  level: string;
  counted: boolean;
  /** In the displayed image's pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * verdict.vertebrae boxes are in the ORIGINAL film's pixels (the assessment scales them back from the analysis
 * size), while the viewer shows a copy whose long side is at most 1024 px: scale them by displayed / original.
 * Without the original size (no image metadata) they are taken to be in the displayed pixels already.
 */
export function levelBoxes(
  vertebrae: readonly Vertebra[],
  original: Size | null,
  displayed: Size,
): LevelBox[] {
  const sx = original && original.width > 0 ? displayed.width / original.width : 1;
  const sy = original && original.height > 0 ? displayed.height / original.height : 1;
  return vertebrae.map((v) => ({
    level: v.level,
    counted: v.counted,
    x: v.bbox.x * sx,
    y: v.bbox.y * sy,
    width: v.bbox.width * sx,
    height: v.bbox.height * sy,
  }));
}

/** The text drawn beside a level's box; a body cut by the field edge is not counted toward the seven. */
export function levelLabel(box: Pick<LevelBox, 'level' | 'counted'>): string {
  return box.counted ? box.level : `${box.level} (cut, not counted)`;
}
