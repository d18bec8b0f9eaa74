import { describe, expect, it } from 'vitest';
import { levelCode } from '@spineqc/qc-standard';
import { evaluate } from '../verdict.js';
import { apScene, criterion, input, lateralScene, obliqueScene } from '../testing/scenes.js';
import { fillRect } from '../testing/draw.js';
import type { SpineScene } from '../testing/draw.js';

/** Marks `pixels` pixels of double contour over L3 (area 40 × 28 = 1120 px). */
function withDoubleContour(scene: SpineScene, pixels: number): SpineScene {
  const l3 = scene.bodies.L3!;
  const mask = scene.set.masks['l3-double-contour'];
  const rows = Math.floor(pixels / l3.w);
  fillRect(scene.set, mask, { x: l3.x, y: l3.y, w: l3.w, h: rows });
  fillRect(scene.set, mask, { x: l3.x, y: l3.y + rows, w: pixels - rows * l3.w, h: 1 });
  return scene;
}

describe('l3-double-contour', () => {
  it('passes an empty double-contour mask with value 0', () => {
    const result = criterion(evaluate(input('ap', apScene())), 'l3-double-contour');
    expect(result).toMatchObject({ passed: true, value: 0, unit: 'area ratio', range: [0, 0.21] });
    expect(result.message).toBe('no double contour of the L3 endplates');
  });

  it('passes a ratio just below 0.21 and fails one just above it', () => {
    const below = criterion(evaluate(input('ap', withDoubleContour(apScene(), 235))), 'l3-double-contour');
    expect(below.value).toBeCloseTo(235 / 1120, 12);
    expect(below.passed).toBe(true);
    const above = criterion(
      evaluate(input('lateral', withDoubleContour(lateralScene(), 236))),
      'l3-double-contour',
    );
    expect(above.value).toBeCloseTo(236 / 1120, 12);
    expect(above.passed).toBe(false);
    expect(above.message).toContain('0.21 of the L3 area');
    expect(above.correction).toContain('the beam is not parallel to the L3 endplates');
  });

  it('divides by every L3 pixel of the level map, fragments included', () => {
    const scene = withDoubleContour(apScene(), 200);
    fillRect(scene.set, scene.set.levels, { x: 5, y: 5, w: 8, h: 10 }, levelCode('L3')); // 80 px speck
    const result = criterion(evaluate(input('ap', scene)), 'l3-double-contour');
    expect(result.value).toBeCloseTo(200 / 1200, 12);
  });

  it('fails with a null value when L3 is missing', () => {
    const scene = apScene();
    fillRect(scene.set, scene.set.levels, scene.bodies.L3!, 0);
    const result = criterion(evaluate(input('ap', scene)), 'l3-double-contour');
    expect(result).toMatchObject({ passed: false, value: null, message: 'L3 not identified' });
  });

  it('is not judged on oblique films', () => {
    expect(evaluate(input('oblique', obliqueScene())).criteria.map((c) => c.id)).not.toContain(
      'l3-double-contour',
    );
  });
});
