import { inRange, LEVELS, type CriterionResult, type Level } from '@spineqc/qc-standard';
import type { Film } from '../film.js';
import { aboutMm, levelList, percent } from '../messages.js';
import { criterionResult } from '../result.js';
import { mean } from '../stats.js';
import { heightPx, type Body } from '../vertebrae.js';

/** Typical disc / body height ratio, used only when no gap between two counted bodies can be measured. */
const DEFAULT_GAP_TO_HEIGHT = 0.3;
/** Height of one lumbar level (body + disc) when no body at all is measurable, mm. */
const DEFAULT_LEVEL_MM = 38;

/** 1. Seven vertebrae T11–L5 in the field, neither more (field too large) nor fewer (anatomy cut). */
export function vertebraeInField(film: Film): CriterionResult {
  const t = film.thresholds;
  const { counted } = film;
  const value = counted.length;
  const top = counted[0]?.level;
  const bottom = counted[counted.length - 1]?.level;
  const passed =
    inRange(value, t.ranges['vertebrae-in-field']) && top === t.fieldTop && bottom === t.fieldBottom;

  const notes = film.bodies
    .filter((b) => !b.counted)
    .map(
      (b) =>
        `${b.level} cut at the ${b.cut === 'bottom' ? 'bottom' : 'top'} edge (${percent(b.visibleFraction)}), not counted`,
    );
  const missing = top && bottom ? gapsBetween(counted) : [];
  if (missing.length) notes.push(`${levelList(missing)} not identified`);
  const found = value
    ? `${value} vertebrae in field (${levelList(counted.map((b) => b.level))})`
    : 'no vertebrae in field';
  const message = [found, ...notes].join('; ');

  return criterionResult('vertebrae-in-field', t, {
    passed,
    value,
    message,
    correction: fieldCorrection(film, missing),
  });
}

function fieldCorrection(film: Film, missing: Level[]): string {
  const t = film.thresholds;
  const { counted } = film;
  const want = `${t.fieldTop}–${t.fieldBottom}`;
  if (!counted.length) return `centre the field on L3 and include ${want}`;
  const step = levelStepMm(film);
  const idx = (l: Level) => LEVELS.indexOf(l);
  const cranialExcess = idx(t.fieldTop) - idx(counted[0].level);
  const caudalShortfall = idx(t.fieldBottom) - idx(counted[counted.length - 1].level);
  const parts: string[] = [];

  if (cranialExcess > 0 && caudalShortfall > 0) {
    // Both edges too high: one movement does most of it.
    const shift = Math.min(cranialExcess, caudalShortfall);
    parts.push(`${t.fieldBottom} cut: move the field caudally (${aboutMm(shift * step)})`);
    if (cranialExcess > shift)
      parts.push(`then reduce it cranially to ${t.fieldTop} (${aboutMm((cranialExcess - shift) * step)})`);
    if (caudalShortfall > shift)
      parts.push(`then extend it caudally (${aboutMm((caudalShortfall - shift) * step)})`);
    return parts.join(', ');
  }
  if (cranialExcess > 0)
    parts.push(`reduce the field cranially to ${t.fieldTop} (${aboutMm(cranialExcess * step)})`);
  if (cranialExcess < 0)
    parts.push(
      `${levelList(LEVELS.slice(idx(t.fieldTop), idx(counted[0].level)))} missing: extend the field cranially (${aboutMm(-cranialExcess * step)})`,
    );
  if (caudalShortfall > 0)
    parts.push(`${t.fieldBottom} cut: extend the field caudally (${aboutMm(caudalShortfall * step)})`);
  if (caudalShortfall < 0)
    parts.push(`reduce the field caudally to ${t.fieldBottom} (${aboutMm(-caudalShortfall * step)})`);
  if (!parts.length && missing.length)
    parts.push(
      `${levelList(missing)} not identified: check the film for a transitional vertebra or an artefact`,
    );
  if (!parts.length) parts.push(`collimate to ${want}`);
  return parts.join('; ');
}

/** Mean height of one level (counted body + disc gap) in mm along the image rows. */
export function levelStepMm(film: Film): number {
  const bodies = film.counted.length ? film.counted : film.bodies;
  if (!bodies.length) return DEFAULT_LEVEL_MM;
  const meanHeight = mean(bodies.map(heightPx));
  const gaps: number[] = [];
  for (let i = 1; i < bodies.length; i++) {
    const adjacent = LEVELS.indexOf(bodies[i].level) - LEVELS.indexOf(bodies[i - 1].level) === 1;
    const gap = bodies[i].top - bodies[i - 1].bottom - 1;
    if (adjacent && gap >= 0) gaps.push(gap);
  }
  const meanGap = gaps.length ? mean(gaps) : meanHeight * DEFAULT_GAP_TO_HEIGHT;
  return (meanHeight + meanGap) * film.scale.rowMm;
}

/** Levels between the first and last counted body that were not counted. */
function gapsBetween(counted: Body[]): Level[] {
  const have = new Set(counted.map((b) => b.level));
  const from = LEVELS.indexOf(counted[0].level);
  const to = LEVELS.indexOf(counted[counted.length - 1].level);
  return LEVELS.slice(from, to + 1).filter((l) => !have.has(l));
}
