import { inRange, type CriterionResult, type Level } from '@spineqc/qc-standard';
import { matchToBodies, splitMerged } from '../assign.js';
import { significantComponents, type Film } from '../film.js';
import { fixed, levelList, rangeText } from '../messages.js';
import { criterionResult } from '../result.js';
import { mean } from '../stats.js';
import { widthPx } from '../vertebrae.js';

export interface SpinousPosition {
  level: Level;
  /** Centroid of the spinous process across the body, 0 = image-left edge, 1 = image-right edge. */
  fraction: number;
}

/**
 * Position of each lumbar spinous process across its body. Body edges are pixel boundaries (left
 * column − ½, right column + ½), which matches the continuous outline on average.
 */
export function spinousPositions(film: Film): SpinousPosition[] {
  const processes = significantComponents(film, 'spinous-process').filter((c) => !c.touchesBorder);
  const separated = splitMerged(processes, film.masks.masks['spinous-process'], film.width);
  return [...matchToBodies(separated, film.bodies, 'spinous-process')]
    .filter(([body]) => film.lumbar.includes(body))
    .map(([body, process]) => ({
      level: body.level,
      fraction: (process.cx - (body.left - 0.5)) / widthPx(body),
    }))
    .sort((a, b) => a.level.localeCompare(b.level));
}

/** 2. AP: spinous processes in the midline of the bodies (no axial rotation). */
export function spinousProcessMidline(film: Film): CriterionResult {
  const range = film.thresholds.ranges['spinous-process-midline'];
  const positions = spinousPositions(film);
  if (!positions.length)
    return criterionResult('spinous-process-midline', film.thresholds, {
      passed: false,
      value: null,
      message: 'no spinous process measurable over the lumbar bodies',
      correction: 'centre the field on L3 with L1–L5 and their spinous processes inside it',
    });
  const value = mean(positions.map((p) => p.fraction));
  const where = `spinous processes at ${fixed(value, 2)} of the body width (${levelList(positions.map((p) => p.level))}; ${rangeText(range, 2)})`;
  if (inRange(value, range))
    return criterionResult('spinous-process-midline', film.thresholds, {
      passed: true,
      value,
      message: `${where}: centred`,
    });
  // Image right is the patient's left on an AP film; posterior elements swing toward the raised side.
  const side = value > range[1] ? 'left' : 'right';
  const imageSide = side === 'left' ? 'image right' : 'image left';
  return criterionResult('spinous-process-midline', film.thresholds, {
    passed: false,
    value,
    message: `${where}: toward the patient's ${side} (${imageSide}), the patient is rotated with the ${side} side raised`,
    correction: `turn the patient toward the ${side} (lower the ${side} side) until both anterior superior iliac spines are level`,
  });
}
