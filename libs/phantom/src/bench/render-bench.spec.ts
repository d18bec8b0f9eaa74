import { describe, expect, it } from 'vitest';
import { primitive } from '../geometry/primitive.js';
import type { Projection } from '../geometry/projection.js';
import { benchmarkRender } from './render-bench.js';

describe('benchmarkRender', () => {
  it('reports one row per size with positive timings (no threshold: figures are printed by the CLI)', () => {
    const body = primitive('cylinder', [0, 0, 0], [120, 0, 0], [0, 90, 0], [0, 0, 300], {
      bone: 0,
      water: 1,
      metal: 0,
    });
    const spine = primitive('cylinder', [0, 10, 0], [20, 0, 0], [0, 15, 0], [0, 0, 12], {
      bone: 1,
      water: -1,
      metal: 0,
    });
    const projectionFor = (width: number, height: number): Projection => {
      const ps = 300 / width;
      return {
        source: [0, 1000, 0],
        origin: [(-(width - 1) / 2) * ps, -150, ((height - 1) / 2) * ps],
        du: [ps, 0, 0],
        dv: [0, 0, -ps],
        width,
        height,
      };
    };
    const exposure = {
      kvp: 80,
      mAs: 25,
      sidMm: 1150,
      pixelSpacingMm: 1,
      gridRatio: 10,
      targetExposureIndex: 300,
      textureScale: 0.5,
    };
    const rows = benchmarkRender([body, spine], projectionFor, exposure, [
      [48, 40],
      [96, 80],
    ]);
    expect(rows.map((r) => r.size)).toEqual(['48x40', '96x80']);
    for (const r of rows) {
      expect(r.renderMs).toBeGreaterThan(0);
      expect(r.exposeMs).toBeGreaterThan(0);
      expect(r.imagesPerSecond).toBeCloseTo(1000 / (r.renderMs + r.exposeMs), 9);
    }
  });
});
