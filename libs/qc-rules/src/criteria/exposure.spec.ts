import { describe, expect, it } from 'vitest';
import { evaluate } from '../verdict.js';
import { apScene, criterion, input } from '../testing/scenes.js';
import type { ExposureTags } from '@spineqc/qc-standard';

const exposureOf = (tags?: ExposureTags) => evaluate(input('ap', apScene(), tags));

describe('exposure', () => {
  it('takes the deviation index tag when present', () => {
    const result = criterion(
      exposureOf({ deviationIndex: 4.2, exposureIndex: 250, targetExposureIndex: 250 }),
      'exposure',
    );
    expect(result).toMatchObject({ passed: false, value: 4.2, unit: 'DI', range: [-3, 3] });
    expect(result.message).toBe('overexposed (DI +4.2, ≈2.6× the target dose)');
    expect(result.correction).toBe('reduce mAs');
  });

  it('computes DI = 10·log10(EI / EI_T) without a DI tag', () => {
    const result = criterion(exposureOf({ exposureIndex: 200, targetExposureIndex: 400 }), 'exposure');
    expect(result.value).toBeCloseTo(-3.0103, 4);
    expect(result.passed).toBe(false);
    expect(result.message).toContain('underexposed (DI -3.0, ≈0.5× the target dose): image noisy');
    expect(result.correction).toBe('increase mAs');
  });

  it('passes a DI within the action levels', () => {
    const verdict = exposureOf({ deviationIndex: -0.4 });
    expect(criterion(verdict, 'exposure')).toMatchObject({ passed: true, value: -0.4 });
    expect(verdict.qualified).toBe(true);
  });

  it('is not assessed, and does not fail the image, without an exposure index', () => {
    for (const tags of [undefined, {}, { exposureIndex: 300 }, { deviationIndex: Number.NaN }]) {
      const verdict = exposureOf(tags);
      const result = criterion(verdict, 'exposure');
      expect(result).toMatchObject({ passed: null, value: null });
      expect(result.message).toBe('no exposure index in the image: exposure not assessed');
      expect(result.correction).toBeUndefined();
      expect(verdict.qualified).toBe(true);
    }
  });
});
