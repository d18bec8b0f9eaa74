import { describe, expect, it } from 'vitest';
import { evaluate } from '../verdict.js';
import { criterion, input, lateralScene } from '../testing/scenes.js';
import { fillRect } from '../testing/draw.js';

describe('spinous-processes-visible and intervertebral-foramina-visible (lateral)', () => {
  it('counts five spinous processes and five foramina, ignoring specks', () => {
    const scene = lateralScene();
    fillRect(scene.set, scene.set.masks['spinous-process'], { x: 170, y: 10, w: 5, h: 5 }); // 0.25 cm²
    fillRect(scene.set, scene.set.masks['intervertebral-foramen'], { x: 170, y: 30, w: 8, h: 8 }); // 0.64 cm²
    const verdict = evaluate(input('lateral', scene));
    expect(criterion(verdict, 'spinous-processes-visible')).toMatchObject({ passed: true, value: 5 });
    expect(criterion(verdict, 'intervertebral-foramina-visible')).toMatchObject({ passed: true, value: 5 });
  });

  it('counts processes cut by the image border when large enough', () => {
    const scene = lateralScene({ x: 20, width: 81 }); // processes centred on column 80, half outside;
    const result = criterion(evaluate(input('lateral', scene)), 'spinous-processes-visible');
    expect(result.value).toBe(5);
  });

  it('fails fewer than three foramina: the patient is rotated', () => {
    const result = criterion(
      evaluate(input('lateral', lateralScene({ foramina: 2 }))),
      'intervertebral-foramina-visible',
    );
    expect(result).toMatchObject({ passed: false, value: 2 });
    expect(result.message).toBe('2 intervertebral foramina visible (≥ 3)');
    expect(result.correction).toBe(
      'foramina not seen: the patient is rotated; superimpose the posterior vertebral margins',
    );
  });

  it('fails when the spinous processes are collimated off', () => {
    const scene = lateralScene();
    scene.set.masks['spinous-process'].fill(0);
    const result = criterion(evaluate(input('lateral', scene)), 'spinous-processes-visible');
    expect(result).toMatchObject({ passed: false, value: 0 });
    expect(result.correction).toContain('posterior');
  });
});
