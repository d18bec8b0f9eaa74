import type { View } from '@spineqc/qc-standard';
import { describe, expect, it } from 'vitest';
import { CONSISTENT_VIEW_PROBABILITY, decideView, viewFromViewPosition } from './view-source.js';

const looksLateral: Record<View, number> = { ap: 0.05, lateral: 0.85, oblique: 0.1 };
const unsure: Record<View, number> = { ap: 0.45, lateral: 0.2, oblique: 0.3 };

describe('viewFromViewPosition', () => {
  it('maps the DICOM ViewPosition codes of lumbar films, ignoring case and padding', () => {
    expect(viewFromViewPosition('AP')).toBe('ap');
    expect(viewFromViewPosition('PA')).toBe('ap');
    expect(viewFromViewPosition('LL')).toBe('lateral');
    expect(viewFromViewPosition(' rl ')).toBe('lateral');
    expect(viewFromViewPosition('RPO')).toBe('oblique');
    expect(viewFromViewPosition('LAO')).toBe('oblique');
  });

  it('knows nothing of other or missing values', () => {
    expect(viewFromViewPosition(undefined)).toBeUndefined();
    expect(viewFromViewPosition('')).toBeUndefined();
    expect(viewFromViewPosition('XYZ')).toBeUndefined();
  });
});

describe('decideView', () => {
  it('lets the user win over the header and the image, noting when the image disagrees', () => {
    const decision = decideView(looksLateral, 'lateral', 'AP', 'ap');
    expect(decision).toMatchObject({ view: 'ap', source: 'user', predicted: 'lateral' });
    expect(decision.contradiction).toBe(
      'judged as ap as requested, but the image looks lateral (85 %; ap 5 %)',
    );
  });

  it('records no contradiction when the user view is plausible for the image', () => {
    const decision = decideView(unsure, 'ap', 'LL', 'lateral');
    expect(decision).toEqual({ view: 'lateral', source: 'user', predicted: 'ap' });
  });

  it('takes the DICOM ViewPosition when the image is consistent with it', () => {
    expect(decideView(looksLateral, 'lateral', 'LL', undefined)).toEqual({
      view: 'lateral',
      source: 'dicom',
      predicted: 'lateral',
    });
    // Not the predicted view, but likely enough (≥ CONSISTENT_VIEW_PROBABILITY): the header stands.
    expect(unsure.lateral).toBeGreaterThanOrEqual(CONSISTENT_VIEW_PROBABILITY);
    expect(decideView(unsure, 'ap', 'LL', undefined)).toEqual({
      view: 'lateral',
      source: 'dicom',
      predicted: 'ap',
    });
  });

  it('falls back to the model when the header contradicts the image, and says so', () => {
    const decision = decideView(looksLateral, 'lateral', 'AP', undefined);
    expect(decision).toMatchObject({ view: 'lateral', source: 'model', predicted: 'lateral' });
    expect(decision.contradiction).toBe(
      'DICOM ViewPosition AP says ap, but the image looks lateral (85 %; ap 5 %); judged as lateral',
    );
  });

  it('uses the model without comment when the header says nothing usable', () => {
    expect(decideView(looksLateral, 'lateral', undefined, undefined)).toEqual({
      view: 'lateral',
      source: 'model',
      predicted: 'lateral',
    });
    expect(decideView(looksLateral, 'lateral', 'XYZ', undefined)).toEqual({
      view: 'lateral',
      source: 'model',
      predicted: 'lateral',
    });
  });
});
