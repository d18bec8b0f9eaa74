import { describe, expect, it } from 'vitest';
import { levelCode } from '@spineqc/qc-standard';
import { fillRect, spineScene } from './testing/draw.js';
import { findVertebrae, toFinding } from './vertebrae.js';

const MM1 = { rowMm: 1, colMm: 1 };

describe('findVertebrae', () => {
  it('lists uncut bodies top to bottom with fraction 1 and their bounding boxes', () => {
    const { set } = spineScene();
    const bodies = findVertebrae(set.levels, set.width, set.height, MM1, 0.5);
    expect(bodies.map((b) => b.level)).toEqual(['T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5']);
    expect(bodies.every((b) => b.counted && b.visibleFraction === 1 && b.cut === null)).toBe(true);
    expect(toFinding(bodies[0])).toEqual({
      level: 'T11',
      bbox: { x: 80, y: 40, width: 40, height: 28 },
      visibleFraction: 1,
      counted: true,
    });
  });

  it('ignores components below 1 cm² and keeps the largest component of a level', () => {
    const { set } = spineScene();
    fillRect(set, set.levels, { x: 5, y: 5, w: 9, h: 9 }, levelCode('T9')); // 0.81 cm²: a speck
    fillRect(set, set.levels, { x: 150, y: 200, w: 12, h: 12 }, levelCode('L3')); // a second, smaller L3 blob
    const bodies = findVertebrae(set.levels, set.width, set.height, MM1, 0.5);
    expect(bodies.map((b) => b.level)).not.toContain('T9');
    expect(bodies.find((b) => b.level === 'L3')?.left).toBe(80);
  });

  it('estimates the visible fraction of a top-cut body from the uncut body below it', () => {
    // T11 drawn from row -11: 17 of 28 rows visible.
    const { set } = spineScene({ firstRow: -11 });
    const [t11] = findVertebrae(set.levels, set.width, set.height, MM1, 0.5);
    expect(t11.cut).toBe('top');
    expect(t11.visibleFraction).toBeCloseTo(17 / 28, 10);
    expect(t11.counted).toBe(true);
  });

  it('estimates the visible fraction of a bottom-cut body from the uncut body above it', () => {
    // L5 starts at row 40 + 6·38 = 268; an image 276 rows high shows 8 of its 28 rows.
    const { set } = spineScene({ height: 276 });
    const bodies = findVertebrae(set.levels, set.width, set.height, MM1, 0.5);
    const l5 = bodies[bodies.length - 1];
    expect(l5).toMatchObject({ level: 'L5', cut: 'bottom', counted: false });
    expect(l5.visibleFraction).toBeCloseTo(8 / 28, 10);
  });

  it('clamps the fraction to 1 when the cut body is taller than its neighbour', () => {
    const { set } = spineScene({ firstRow: -2, bodyHeight: 28 });
    fillRect(set, set.levels, { x: 80, y: 0, w: 40, h: 30 }, levelCode('T11'));
    const [t11] = findVertebrae(set.levels, set.width, set.height, MM1, 0.5);
    expect(t11.visibleFraction).toBe(1);
  });
});
