import { describe, expect, it } from 'vitest';
import { polygonArea, projectEllipse } from '../geometry/polygon.js';
import { projectPoint } from '../geometry/projection.js';
import { projectionOf } from './geometry.js';
import type { AcquisitionSpec } from './types.js';

const base: AcquisitionSpec = {
  view: 'ap',
  obliqueSide: null,
  obliquityDeg: 0,
  axialRotationDeg: 0,
  tiltDeg: 0,
  rollDeg: 0,
  sidMm: 1100,
  oddMm: 150,
  detector: '35x43',
  fieldWidthMm: 200,
  fieldHeightMm: 300,
  centringCranialMm: 0,
  centringLateralMm: 0,
  pixelSpacingMm: 1,
};

describe('acquisition geometry', () => {
  it('shows an AP as if facing the patient: the patient’s left on the image right, head at the top', () => {
    const p = projectionOf(base);
    const [cx, cy] = projectPoint(p, [0, 0, 0]);
    expect(cx).toBeCloseTo((p.width - 1) / 2, 6);
    expect(cy).toBeCloseTo((p.height - 1) / 2, 6);
    expect(projectPoint(p, [50, 0, 0])[0]).toBeGreaterThan(cx);
    expect(projectPoint(p, [0, 0, 50])[1]).toBeLessThan(cy);
  });

  it('shows a lateral with the anterior side on the image left', () => {
    const p = projectionOf({ ...base, view: 'lateral' });
    const [cx] = projectPoint(p, [0, 0, 0]);
    expect(projectPoint(p, [0, 50, 0])[0]).toBeLessThan(cx);
  });

  it('puts the down-side posterior elements over the body in a posterior oblique', () => {
    for (const side of ['LPO', 'RPO'] as const) {
      const p = projectionOf({ ...base, view: 'oblique', obliqueSide: side, obliquityDeg: 45 });
      const [cx] = projectPoint(p, [0, 0, 0]);
      const downSide = side === 'LPO' ? 23 : -23;
      const near = Math.abs(projectPoint(p, [downSide, -33, -9])[0] - cx);
      const far = Math.abs(projectPoint(p, [-downSide, -33, -9])[0] - cx);
      expect(near).toBeLessThan(far);
    }
  });

  it('moves L3 off the central ray by the centring offsets', () => {
    const p = projectionOf({ ...base, centringCranialMm: 20 });
    const [, row] = projectPoint(p, [0, 0, 0]);
    expect(row - (p.height - 1) / 2).toBeCloseTo(20 * (1100 / 950), 6);
  });

  it('makes the L3 endplates open into ellipses only when the beam is tilted', () => {
    const endplate = { center: [0, 0, 13] as const, axisA: [21, 0, 0] as const, axisB: [0, 16, 0] as const };
    const straight = polygonArea(projectEllipse(projectionOf(base), endplate));
    const tilted = polygonArea(projectEllipse(projectionOf({ ...base, tiltDeg: 10 }), endplate));
    // Only beam divergence opens them when straight: 13 mm above the central ray at ~950 mm is < 1°.
    expect(straight).toBeLessThan(0.1 * tilted);
    expect(tilted).toBeGreaterThan(100);
  });
});
