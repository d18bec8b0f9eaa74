import { describe, expect, it } from 'vitest';
import { ambiguousCriteria } from '../truth/ambiguity.js';
import { computeGeometricTruth } from '../truth/criteria-truth.js';
import { projectionOf } from '../acquisition/geometry.js';
import { generateCase } from './generate-case.js';
import { DEFAULT_ROSTER } from './roster.js';
import type { GenerateOptions } from './plan.js';

const options = (extra: Partial<GenerateOptions> = {}): GenerateOptions => ({
  view: 'mixed',
  defects: 'random',
  pixelSpacingMm: 0.6,
  roster: DEFAULT_ROSTER,
  ...extra,
});

describe('generateCase', () => {
  it('is deterministic for (seed, index) and different across indices', () => {
    const a = generateCase(9, 4, options());
    const b = generateCase(9, 4, options());
    const c = generateCase(9, 5, options());
    expect(b.truth).toEqual(a.truth);
    expect(Buffer.from(b.image.pixels.buffer).equals(Buffer.from(a.image.pixels.buffer))).toBe(true);
    expect(c.truth.view).not.toBe(a.truth.view);
  });

  it('makes the defect it is asked for, and the truth shows it', () => {
    const large = generateCase(3, 0, options({ view: 'ap', forcedDefects: ['field-too-large'] }));
    expect(large.truth.criteria.find((c) => c.id === 'vertebrae-in-field')!.value).toBeGreaterThan(7);
    expect(large.truth.qualified).toBe(false);
    const shallow = generateCase(3, 1, options({ view: 'oblique', forcedDefects: ['obliquity-shallow'] }));
    expect(shallow.truth.criteria.find((c) => c.id === 'scottie-dog')!.value).toBeGreaterThan(0.365);
    const good = generateCase(3, 2, options({ view: 'lateral', defects: 'none' }));
    expect(good.truth.defects).toEqual([]);
  });

  it('never hands out a film whose truth sits inside the ambiguity band', () => {
    for (let index = 0; index < 6; index++) {
      const film = generateCase(17, index, options());
      const truth = computeGeometricTruth({
        view: film.truth.view,
        anatomy: film.anatomy,
        projection: projectionOf(film.acquisition),
        pixelSpacingMm: film.acquisition.pixelSpacingMm,
        areasMm2: {
          pelvis: film.truth.structureAreasMm2.pelvis,
          sacrum: film.truth.structureAreasMm2.sacrum,
        },
        deviationIndex: film.exposure.deviationIndex,
      });
      expect(ambiguousCriteria(truth), film.id).toEqual([]);
    }
  });
});
