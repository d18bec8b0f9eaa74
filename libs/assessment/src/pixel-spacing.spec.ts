import { STRUCTURES, levelCode, type Level, type MaskSet, type Structure } from '@spineqc/qc-standard';
import { describe, expect, it } from 'vitest';
import { TYPICAL_LUMBAR_BODY_HEIGHT_MM, decideSpacing, medianLumbarBodyHeight } from './pixel-spacing.js';

/** A level map with one rectangle of rows per body: [level, first row, height]. */
function levelMap(width: number, height: number, bodies: [Level, number, number][]): MaskSet {
  const levels = new Uint8Array(width * height);
  for (const [level, top, rows] of bodies)
    levels.fill(levelCode(level), top * width + 2, (top + rows) * width - 2);
  const masks = Object.fromEntries(STRUCTURES.map((s) => [s, new Uint8Array(width * height)])) as Record<
    Structure,
    Uint8Array
  >;
  return { width, height, masks, levels };
}

describe('medianLumbarBodyHeight', () => {
  it('takes the median row extent of the lumbar bodies and ignores thoracic ones', () => {
    const masks = levelMap(20, 200, [
      ['T11', 0, 90], // tall thoracic body: ignored
      ['L1', 100, 20],
      ['L2', 125, 22],
      ['L3', 150, 24],
    ]);
    expect(medianLumbarBodyHeight(masks)).toBe(22);
  });

  it('is undefined without lumbar bodies', () => {
    expect(medianLumbarBodyHeight(levelMap(10, 50, []))).toBeUndefined();
    expect(medianLumbarBodyHeight(levelMap(10, 50, [['T12', 5, 10]]))).toBeUndefined();
  });
});

describe('decideSpacing', () => {
  const masks = levelMap(20, 200, [
    ['L3', 10, 30],
    ['L4', 50, 30],
    ['L5', 90, 32],
  ]);

  it("uses the file's spacing, scaled to analysis pixels", () => {
    const decision = decideSpacing([0.15, 0.2], undefined, [2, 3], masks);
    expect(decision.source).toBe('file');
    expect(decision.mm[0]).toBeCloseTo(0.3, 12);
    expect(decision.mm[1]).toBeCloseTo(0.6, 12);
  });

  it("keeps the file's spacing when the user also gives one (theirs is for files without)", () => {
    expect(decideSpacing([0.15, 0.15], 0.4, [1, 1], masks)).toEqual({ mm: [0.15, 0.15], source: 'file' });
  });

  it("uses the user's spacing for a file without one", () => {
    expect(decideSpacing(null, 0.25, [2, 2], masks)).toEqual({ mm: [0.5, 0.5], source: 'user' });
  });

  it('estimates the spacing from the median lumbar body height otherwise', () => {
    const decision = decideSpacing(null, undefined, [2, 2], masks);
    expect(decision.source).toBe('estimated');
    // Measured in analysis pixels already, so the analysis scale does not enter.
    expect(decision.mm).toEqual([TYPICAL_LUMBAR_BODY_HEIGHT_MM / 30, TYPICAL_LUMBAR_BODY_HEIGHT_MM / 30]);
  });

  it('still gives a positive spacing when there are no bodies to measure', () => {
    const decision = decideSpacing(null, undefined, [1, 1], levelMap(10, 10, []));
    expect(decision.source).toBe('estimated');
    expect(decision.mm.every((mm) => mm > 0)).toBe(true);
  });

  it('ignores an implausible spacing (damaged or hostile header) as if there were none', () => {
    const estimated = TYPICAL_LUMBAR_BODY_HEIGHT_MM / 30;
    for (const absurd of [
      [1e6, 1e6],
      [1e-9, 1e-9],
      [0.15, 900],
      [Infinity, 0.1],
    ] as [number, number][]) {
      expect(decideSpacing(absurd, undefined, [1, 1], masks)).toEqual({
        mm: [estimated, estimated],
        source: 'estimated',
      });
      expect(decideSpacing(absurd, 0.25, [1, 1], masks)).toEqual({ mm: [0.25, 0.25], source: 'user' });
    }
    expect(decideSpacing(null, 1e-6, [1, 1], masks).source).toBe('estimated');
  });
});
