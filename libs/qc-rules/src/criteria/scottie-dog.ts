import { inRange, type CriterionResult, type Level } from '@spineqc/qc-standard';
import { matchToBodies } from '../assign.js';
import type { Component } from '../components.js';
import { significantComponents, type Film } from '../film.js';
import { fixed, levelList, rangeText } from '../messages.js';
import { criterionResult } from '../result.js';
import { mean } from '../stats.js';
import { widthPx, type Body } from '../vertebrae.js';

export interface DogLeg {
  level: Level;
  /** Distance of the dog-side articular process from the body's posterior edge, as a fraction of its width. */
  fraction: number;
}

/**
 * The "Scottie dog" front legs: per counted lumbar body, the inferior articular process projected
 * nearer the body's centre (its partner projects behind the body). Body edges are pixel boundaries.
 */
export function dogLegs(film: Film): DogLeg[] {
  const processes = significantComponents(film, 'inferior-articular-process');
  const sign = posteriorSide(processes, film.lumbar);
  if (!sign) return [];
  const measurable = processes.filter((c) => !c.touchesBorder);
  // The dog-side process is the one projected over the body, nearest its centre column; its
  // partner lies behind the body and is left unmatched.
  return [...matchToBodies(measurable, film.bodies, 'inferior-articular-process')]
    .filter(([body]) => film.lumbar.includes(body))
    .map(([body, dog]) => {
      const posteriorEdge = sign > 0 ? body.right + 0.5 : body.left - 0.5;
      return { level: body.level, fraction: ((posteriorEdge - dog.cx) * sign) / widthPx(body) };
    })
    .sort((a, b) => a.level.localeCompare(b.level));
}

/** +1 when the posterior elements project to the right of the bodies, −1 to the left, 0 if unknown. */
function posteriorSide(processes: Component[], bodies: Body[]): number {
  if (!processes.length || !bodies.length) return 0;
  const meanColumn = (cs: Component[]) =>
    cs.reduce((s, c) => s + c.cx * c.area, 0) / cs.reduce((s, c) => s + c.area, 0);
  return Math.sign(meanColumn(processes) - meanColumn(bodies.map((b) => b.component))) || 1;
}

/** 7. Oblique: the "Scottie dog" shows (obliquity near 45°), from the front legs' position. */
export function scottieDog(film: Film): CriterionResult {
  const range = film.thresholds.ranges['scottie-dog'];
  const legs = dogLegs(film);
  if (!legs.length)
    return criterionResult('scottie-dog', film.thresholds, {
      passed: false,
      value: null,
      message: 'no inferior articular process measurable beside the lumbar bodies: "Scottie dog" not seen',
      correction: 'check the obliquity (about 45°) and that L1–L5 are in the field',
    });
  const value = mean(legs.map((l) => l.fraction));
  const where = `inferior articular processes at ${fixed(value, 3)} of the body width from the posterior edge (${levelList(legs.map((l) => l.level))}; ${rangeText(range, 3)})`;
  if (inRange(value, range))
    return criterionResult('scottie-dog', film.thresholds, {
      passed: true,
      value,
      message: `${where}: "Scottie dog" seen`,
    });
  const tooLittle = value > range[1];
  return criterionResult('scottie-dog', film.thresholds, {
    passed: false,
    value,
    message: `${where}: ${tooLittle ? 'too little' : 'too much'} obliquity`,
    correction: tooLittle
      ? 'too little obliquity (facet joints not open): rotate the patient further toward 45°'
      : 'too much obliquity: reduce the rotation',
  });
}

/** 8. Oblique: inferior articular processes seen at enough lumbar levels. */
export function inferiorArticularProcesses(film: Film): CriterionResult {
  const range = film.thresholds.ranges['inferior-articular-processes'];
  const legs = dogLegs(film);
  const value = legs.length;
  const levels = value ? ` (${levelList(legs.map((l) => l.level))})` : '';
  return criterionResult('inferior-articular-processes', film.thresholds, {
    passed: inRange(value, range),
    value,
    message: `inferior articular processes seen at ${value} lumbar level${value === 1 ? '' : 's'}${levels}; ${rangeText(range, 0)}`,
    correction:
      'articular processes not seen: check the obliquity (about 45°) and that L1–L5 are in the field',
  });
}
