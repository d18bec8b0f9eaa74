import { describe, expect, it } from 'vitest';
import { CRITERION_IDS, DEFAULT_THRESHOLDS, levelCode, type RulesInput } from '@spineqc/qc-standard';
import { QcRulesError } from './errors.js';
import { evaluate } from './verdict.js';
import { RULES_VERSION } from './version.js';
import { apScene, input, lateralScene, obliqueScene } from './testing/scenes.js';
import { blankMasks, fillRect } from './testing/draw.js';

function inputError(make: (base: RulesInput) => unknown): QcRulesError {
  const base = input('ap', apScene());
  try {
    evaluate(make(base) as RulesInput);
  } catch (error) {
    expect(error).toBeInstanceOf(QcRulesError);
    expect((error as QcRulesError).code).toBe('INVALID_INPUT');
    return error as QcRulesError;
  }
  throw new Error('expected evaluate to throw');
}

describe('evaluate', () => {
  it('qualifies a correct film of each view, listing its criteria in the standard order', () => {
    const scenes = { ap: apScene(), lateral: lateralScene(), oblique: obliqueScene() };
    for (const view of ['ap', 'lateral', 'oblique'] as const) {
      const verdict = evaluate(input(view, scenes[view], { deviationIndex: 0.5 }));
      expect(verdict.notAssessable).toBe(false);
      expect(verdict.criteria.filter((c) => c.passed !== true)).toEqual([]);
      expect(verdict.qualified).toBe(true);
      const ids = verdict.criteria.map((c) => c.id);
      expect(ids).toEqual(CRITERION_IDS.filter((id) => ids.includes(id)));
      expect(verdict.vertebrae.map((v) => v.level)).toEqual(['T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5']);
    }
    expect(evaluate(input('ap', scenes.ap)).criteria.map((c) => c.id)).toEqual([
      'vertebrae-in-field',
      'spinous-process-midline',
      'l3-double-contour',
      'pelvis-in-field',
      'exposure',
    ]);
  });

  it('is unqualified as soon as one criterion fails', () => {
    const verdict = evaluate(input('ap', apScene({ spinousFraction: 0.7 })));
    expect(verdict.qualified).toBe(false);
    expect(verdict.notAssessable).toBe(false);
  });

  it('records the rules and thresholds versions', () => {
    expect(RULES_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(evaluate(input('ap', apScene())).rulesVersion).toBe(`${RULES_VERSION}+paper-2022.1`);
    const site = { ...DEFAULT_THRESHOLDS, version: 'site-b.1' };
    expect(evaluate(input('ap', apScene()), site).rulesVersion).toBe(`${RULES_VERSION}+site-b.1`);
  });

  it('applies custom thresholds', () => {
    const wide = {
      ...DEFAULT_THRESHOLDS,
      version: 'wide',
      ranges: { ...DEFAULT_THRESHOLDS.ranges, 'spinous-process-midline': [0.3, 0.75] as const },
    };
    expect(evaluate(input('ap', apScene({ spinousFraction: 0.7 })), wide).qualified).toBe(true);
  });

  it('is not assessable without vertebral bodies, still listing what it can measure', () => {
    const set = blankMasks(120, 160);
    fillRect(set, set.masks.pelvis, { x: 10, y: 100, w: 60, h: 30 });
    const verdict = evaluate({
      view: 'ap',
      pixelSpacingMm: [1, 1],
      masks: set,
      exposure: { deviationIndex: 1 },
    });
    expect(verdict).toMatchObject({ notAssessable: true, qualified: false, vertebrae: [] });
    expect(verdict.reason).toBe(
      'no lumbar vertebrae found — not a lumbar spine radiograph, or the spine is outside the field',
    );
    expect(verdict.criteria.map((c) => [c.id, c.passed])).toEqual([
      ['vertebrae-in-field', false],
      ['spinous-process-midline', false],
      ['l3-double-contour', false],
      ['pelvis-in-field', true],
      ['exposure', true],
    ]);
  });

  it('is not assessable with a single body', () => {
    const set = blankMasks(120, 160);
    fillRect(set, set.levels, { x: 40, y: 40, w: 40, h: 28 }, levelCode('L3'));
    const verdict = evaluate({ view: 'lateral', pixelSpacingMm: [1, 1], masks: set });
    expect(verdict.notAssessable).toBe(true);
    expect(verdict.reason).toContain('only one vertebral body (L3)');
    expect(verdict.vertebrae).toHaveLength(1);
  });

  it('rejects masks whose length is not width × height', () => {
    const error = inputError((base) => ({
      ...base,
      masks: { ...base.masks, masks: { ...base.masks.masks, pelvis: new Uint8Array(10) } },
    }));
    expect(error.message).toContain('masks.masks.pelvis: length 10');
  });

  it('rejects a missing structure, a bad level map and bad pixel spacing, naming each', () => {
    const error = inputError((base) => {
      const { sacrum: _sacrum, ...masks } = base.masks.masks;
      const levels = base.masks.levels.slice();
      levels[0] = 13;
      return { ...base, pixelSpacingMm: [0, 0.2], masks: { ...base.masks, masks, levels } };
    });
    expect(error.message).toContain('masks.masks.sacrum: missing');
    expect(error.message).toContain('masks.levels: code 13');
    expect(error.message).toContain('pixelSpacingMm');
  });

  it('rejects an unknown view and impossible dimensions', () => {
    expect(inputError((base) => ({ ...base, view: 'pa' })).message).toContain('view');
    expect(inputError((base) => ({ ...base, masks: { ...base.masks, width: 0 } })).message).toContain(
      'width and height',
    );
  });
});
