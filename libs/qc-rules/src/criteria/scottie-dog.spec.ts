import { describe, expect, it } from 'vitest';
import { evaluate } from '../verdict.js';
import { criterion, input, obliqueScene } from '../testing/scenes.js';
import { fillRect, mirrorX } from '../testing/draw.js';

const judge = (scene: ReturnType<typeof obliqueScene>) => evaluate(input('oblique', scene));

describe('scottie-dog and inferior-articular-processes (oblique)', () => {
  it('picks the dog-side process of each pair and measures it from the posterior edge', () => {
    // Per body: one process at 0.3 of the width from the posterior (right) edge, its partner beyond the body.
    const verdict = judge(obliqueScene({ dogFraction: 0.3 }));
    const dog = criterion(verdict, 'scottie-dog');
    expect(dog.value).toBeCloseTo(0.3, 12);
    expect(dog).toMatchObject({ passed: true, range: [0.265, 0.365], unit: 'fraction of body width' });
    expect(dog.message).toContain('(L1–L5;');
    expect(criterion(verdict, 'inferior-articular-processes')).toMatchObject({ passed: true, value: 5 });
  });

  it('gives the same value when the posterior elements are on the left (mirror image)', () => {
    const scene = obliqueScene({ dogFraction: 0.325 });
    const right = criterion(judge(scene), 'scottie-dog').value!;
    const left = criterion(
      evaluate(input('oblique', { ...scene, set: mirrorX(scene.set) })),
      'scottie-dog',
    ).value!;
    expect(right).toBeCloseTo(0.325, 12);
    expect(left).toBeCloseTo(right, 12);
  });

  it('fails too little obliquity (processes far from the posterior edge)', () => {
    const dog = criterion(judge(obliqueScene({ dogFraction: 0.45 })), 'scottie-dog');
    expect(dog.value).toBeCloseTo(0.45, 12);
    expect(dog.passed).toBe(false);
    expect(dog.correction).toBe(
      'too little obliquity (facet joints not open): rotate the patient further toward 45°',
    );
  });

  it('fails too much obliquity', () => {
    const dog = criterion(judge(obliqueScene({ dogFraction: 0.2 })), 'scottie-dog');
    expect(dog.value).toBeCloseTo(0.2, 12);
    expect(dog.correction).toBe('too much obliquity: reduce the rotation');
  });

  it('ignores specks and processes of thoracic bodies', () => {
    const scene = obliqueScene({ levels: ['T12', 'L1', 'L2'] });
    const l1 = scene.bodies.L1!;
    fillRect(scene.set, scene.set.masks['inferior-articular-process'], {
      x: l1.x + 30,
      y: l1.y + 3,
      w: 3,
      h: 3,
    }); // 0.09 cm²
    const verdict = judge(scene);
    expect(criterion(verdict, 'scottie-dog').value).toBeCloseTo(0.3, 12);
    const count = criterion(verdict, 'inferior-articular-processes');
    expect(count).toMatchObject({ passed: false, value: 2 });
    expect(count.message).toContain('(L1–L2)');
  });

  it('fails with a null value when no articular process is found', () => {
    const verdict = judge(obliqueScene({ levels: [] }));
    expect(criterion(verdict, 'scottie-dog')).toMatchObject({ passed: false, value: null });
    expect(criterion(verdict, 'inferior-articular-processes')).toMatchObject({ passed: false, value: 0 });
  });
});
