import { describe, expect, it } from 'vitest';
import { evaluate } from '../verdict.js';
import { apScene, criterion, input, lateralScene, obliqueScene } from '../testing/scenes.js';
import { fillRect } from '../testing/draw.js';

describe('pelvis-in-field and sacrum-in-field', () => {
  it('measures the pelvis area in cm² from both pixel spacings', () => {
    const scene = apScene();
    scene.set.masks.pelvis.fill(0);
    fillRect(scene.set, scene.set.masks.pelvis, { x: 40, y: 300, w: 100, h: 20 }); // 2000 px
    const result = criterion(evaluate(input('ap', scene, undefined, [0.5, 0.4])), 'pelvis-in-field');
    expect(result.value).toBeCloseTo((2000 * 0.5 * 0.4) / 100, 12);
    expect(result).toMatchObject({ passed: true, unit: 'cm²' });
  });

  it('fails an absent pelvis on an oblique film with a correction', () => {
    const scene = obliqueScene();
    scene.set.masks.pelvis.fill(0);
    const result = criterion(evaluate(input('oblique', scene)), 'pelvis-in-field');
    expect(result).toMatchObject({ passed: false, value: 0 });
    expect(result.message).toBe('pelvis not in field (0.0 cm², need ≥ 4.0 cm²)');
    expect(result.correction).toContain('extend the field caudally');
  });

  it('judges the sacrum on lateral films', () => {
    const present = criterion(evaluate(input('lateral', lateralScene())), 'sacrum-in-field');
    expect(present).toMatchObject({ passed: true, value: 6 });
    const scene = lateralScene();
    scene.set.masks.sacrum.fill(0);
    fillRect(scene.set, scene.set.masks.sacrum, { x: 80, y: 305, w: 10, h: 10 });
    const small = criterion(evaluate(input('lateral', scene)), 'sacrum-in-field');
    expect(small).toMatchObject({ passed: false, value: 1 });
    expect(small.correction).toContain('sacrum');
  });
});
