import { describe, expect, it } from 'vitest';
import { evaluate } from '../verdict.js';
import { apScene, criterion, edgeAt, input } from '../testing/scenes.js';
import { fillEllipse, fillRect } from '../testing/draw.js';

const midline = (scene: ReturnType<typeof apScene>) =>
  criterion(evaluate(input('ap', scene)), 'spinous-process-midline');

describe('spinous-process-midline', () => {
  it('measures exactly 0.5 for spinous processes centred on their bodies', () => {
    const result = midline(apScene());
    expect(result.value).toBeCloseTo(0.5, 12);
    expect(result.passed).toBe(true);
    expect(result.message).toContain('(L1–L5; 0.40–0.60)');
    expect(result.correction).toBeUndefined();
  });

  it('fails 0.7 as rotation with the left side raised (image right = patient left)', () => {
    const result = midline(apScene({ spinousFraction: 0.7 }));
    expect(result.value).toBeCloseTo(0.7, 12);
    expect(result.passed).toBe(false);
    expect(result.message).toContain("toward the patient's left (image right)");
    expect(result.correction).toBe(
      'turn the patient toward the left (lower the left side) until both anterior superior iliac spines are level',
    );
  });

  it('fails 0.3 as the mirror case, toward the right', () => {
    const result = midline(apScene({ spinousFraction: 0.3 }));
    expect(result.value).toBeCloseTo(0.3, 12);
    expect(result.correction).toContain('turn the patient toward the right (lower the right side)');
  });

  it('averages over the measurable levels only', () => {
    const result = midline(apScene({ spinousFraction: (l) => (l === 'L1' ? 0.6 : l === 'L2' ? 0.4 : null) }));
    expect(result.value).toBeCloseTo(0.5, 12);
    expect(result.message).toContain('(L1–L2;');
  });

  it('assigns a process hanging below its body (in the disc space) to the body above', () => {
    const scene = apScene({ spinousFraction: (l) => (l === 'L3' ? null : 0.5) });
    const l3 = scene.bodies.L3!;
    fillEllipse(scene.set, scene.set.masks['spinous-process'], edgeAt(l3, 0.55), l3.y + l3.h + 5, 4.5, 3.5);
    const result = midline(scene);
    expect(result.message).toContain('(L1–L5;');
    expect(result.value).toBeCloseTo((4 * 0.5 + 0.55) / 5, 12);
  });

  it('keeps the largest of several processes on one body and ignores specks', () => {
    const scene = apScene();
    const l4 = scene.bodies.L4!;
    fillEllipse(scene.set, scene.set.masks['spinous-process'], edgeAt(l4, 0.9), l4.y + 8, 3, 2.5); // smaller
    fillRect(scene.set, scene.set.masks['spinous-process'], { x: l4.x + 2, y: l4.y + 2, w: 4, h: 4 }); // speck
    expect(midline(scene).value).toBeCloseTo(0.5, 12);
  });

  it('ignores processes touching the image border and those of thoracic bodies', () => {
    const scene = apScene({ spinousFraction: (l) => (l === 'L1' ? 0.5 : null) });
    const t12 = scene.bodies.T12!;
    fillEllipse(scene.set, scene.set.masks['spinous-process'], edgeAt(t12, 0.9), t12.y + 20, 4.5, 5);
    fillRect(scene.set, scene.set.masks['spinous-process'], { x: 0, y: scene.bodies.L2!.y, w: 8, h: 8 });
    const result = midline(scene);
    expect(result.value).toBeCloseTo(0.5, 12);
    expect(result.message).toContain('(L1;');
  });

  it('fails with a null value when no process can be measured', () => {
    const result = midline(apScene({ spinousFraction: () => null }));
    expect(result).toMatchObject({ passed: false, value: null });
    expect(result.correction).toBeTruthy();
  });
});
