import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '@spineqc/qc-standard';
import { QcRulesError } from './errors.js';
import { parseThresholds } from './thresholds.js';

function problemsOf(json: unknown): string {
  try {
    parseThresholds(json);
  } catch (error) {
    expect(error).toBeInstanceOf(QcRulesError);
    expect((error as QcRulesError).code).toBe('INVALID_THRESHOLDS');
    return (error as QcRulesError).message;
  }
  throw new Error('expected parseThresholds to throw');
}

describe('parseThresholds', () => {
  it('returns a copy of the defaults for an empty configuration', () => {
    const parsed = parseThresholds({});
    expect(parsed).toEqual(DEFAULT_THRESHOLDS);
    expect(parsed.ranges).not.toBe(DEFAULT_THRESHOLDS.ranges);
    expect(parseThresholds(undefined)).toEqual(DEFAULT_THRESHOLDS);
  });

  it('merges partial overrides onto the defaults; null is an open range end', () => {
    const parsed = parseThresholds({
      version: 'site-a.3',
      ranges: { 'spinous-process-midline': [0.42, 0.58], 'pelvis-in-field': [3, null] },
      minComponentAreaCm2: { 'intervertebral-foramen': 1.2 },
    });
    expect(parsed.version).toBe('site-a.3');
    expect(parsed.ranges['spinous-process-midline']).toEqual([0.42, 0.58]);
    expect(parsed.ranges['pelvis-in-field']).toEqual([3, Infinity]);
    expect(parsed.ranges['scottie-dog']).toEqual(DEFAULT_THRESHOLDS.ranges['scottie-dog']);
    expect(parsed.minComponentAreaCm2).toEqual({
      ...DEFAULT_THRESHOLDS.minComponentAreaCm2,
      'intervertebral-foramen': 1.2,
    });
    expect(parsed.minVisibleFractionToCount).toBe(0.5);
  });

  it('names every bad key in one error', () => {
    const message = problemsOf({
      version: '',
      ranges: { 'scottie-dog': [0.4, 0.3], 'no-such-criterion': [0, 1], exposure: [-3] },
      minVisibleFractionToCount: 1.5,
      minComponentAreaCm2: { 'spinous-process': -1, pedicle: 0.2 },
      fieldTop: 'T10',
      colour: 'blue',
    });
    for (const key of [
      'version',
      'ranges.scottie-dog',
      'ranges.no-such-criterion',
      'ranges.exposure',
      'minVisibleFractionToCount',
      'minComponentAreaCm2.spinous-process',
      'minComponentAreaCm2.pedicle',
      'fieldTop',
      'colour',
    ])
      expect(message).toContain(`${key}:`);
    expect(message).not.toContain('ranges.pelvis-in-field');
  });

  it('rejects values that are not objects', () => {
    expect(problemsOf(null)).toContain('(root)');
    expect(problemsOf([1, 2])).toContain('(root)');
    expect(problemsOf({ ranges: 3 })).toContain('ranges:');
  });

  it('requires a new version when a number changes, since the verdict records only the version', () => {
    expect(problemsOf({ minVisibleFractionToCount: 0.6 })).toContain('version:');
    expect(problemsOf({ version: DEFAULT_THRESHOLDS.version, ranges: { exposure: [-2, 2] } })).toContain(
      'version:',
    );
    expect(parseThresholds({ ranges: { exposure: [-3, 3] } })).toEqual(DEFAULT_THRESHOLDS);
  });
});
