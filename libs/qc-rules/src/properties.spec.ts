import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STRUCTURES, type MaskSet, type Structure, type View } from '@spineqc/qc-standard';
import { evaluate } from './verdict.js';
import { apScene, criterion, input, lateralScene, obliqueScene } from './testing/scenes.js';
import { cloneMasks, fillRect, mirrorX, type SpineScene } from './testing/draw.js';

describe('properties', () => {
  it('mirroring an AP film maps the spinous-process fraction v to 1 − v', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 24, max: 60 }),
        fc.integer({ min: 10, max: 60 }),
        fc.array(fc.double({ min: 0.2, max: 0.8, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (bodyWidth, x, fractions) => {
          const scene = apScene({
            bodyWidth,
            x,
            spinousFraction: (level) => fractions[Number(level[1]) - 1],
          });
          const v = criterion(evaluate(input('ap', scene)), 'spinous-process-midline').value;
          const mirrored = criterion(
            evaluate(input('ap', { ...scene, set: mirrorX(scene.set) })),
            'spinous-process-midline',
          );
          expect(v).not.toBeNull();
          expect(mirrored.value).toBeCloseTo(1 - v!, 12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the verdict does not change when specks below the minimum areas are added', () => {
    // Largest rectangles that stay below each minimum at 1 mm/px (0.3, 0.1, 0.8 and 1 cm²).
    const speckSize: Partial<Record<Structure | 'levels', number>> = {
      'spinous-process': 5,
      'inferior-articular-process': 3,
      'intervertebral-foramen': 8,
      levels: 9,
    };
    const speck = fc.record({
      target: fc.constantFrom(...(Object.keys(speckSize) as (Structure | 'levels')[])),
      x: fc.integer({ min: 0, max: 199 }),
      y: fc.integer({ min: 0, max: 359 }),
      w: fc.integer({ min: 1, max: 9 }),
      h: fc.integer({ min: 1, max: 9 }),
      code: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom<View>('ap', 'lateral', 'oblique'),
        fc.double({ min: 0.2, max: 0.8, noNaN: true }),
        fc.constantFrom('T10', 'T11', 'T12') as fc.Arbitrary<'T10' | 'T11' | 'T12'>,
        fc.array(speck, { minLength: 1, maxLength: 40 }),
        (view, fraction, top, specks) => {
          const scene = sceneOf(view, fraction, top);
          const noisy = cloneMasks(scene.set);
          for (const s of specks) {
            const size = speckSize[s.target]!;
            const rect = { x: s.x, y: s.y, w: Math.min(s.w, size), h: Math.min(s.h, size) };
            if (!isolated(noisy, rect)) continue;
            fillRect(
              noisy,
              s.target === 'levels' ? noisy.levels : noisy.masks[s.target],
              rect,
              s.target === 'levels' ? s.code : 1,
            );
          }
          const exposure = { deviationIndex: 1 };
          expect(evaluate({ ...input(view, { ...scene, set: noisy }), exposure })).toEqual(
            evaluate({ ...input(view, scene), exposure }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

function sceneOf(view: View, fraction: number, top: 'T10' | 'T11' | 'T12'): SpineScene {
  if (view === 'ap') return apScene({ top, spinousFraction: fraction });
  if (view === 'oblique') return obliqueScene({ top, dogFraction: 0.1 + fraction * 0.3 });
  return lateralScene({ top, foramina: Math.round(fraction * 5) });
}

/** True when nothing is drawn within 2 px of the rectangle, so a speck stays a separate component. */
function isolated(set: MaskSet, r: { x: number; y: number; w: number; h: number }): boolean {
  for (let y = Math.max(0, r.y - 2); y < Math.min(set.height, r.y + r.h + 2); y++)
    for (let x = Math.max(0, r.x - 2); x < Math.min(set.width, r.x + r.w + 2); x++) {
      const i = y * set.width + x;
      if (set.levels[i] || STRUCTURES.some((s) => set.masks[s][i])) return false;
    }
  return true;
}
