import { describe, expect, it } from 'vitest';
import { levelBoxes, levelLabel } from './vertebra-boxes';

const l3 = { level: 'L3' as const, counted: true, bbox: { x: 100, y: 200, width: 50, height: 40 } };

describe('levelBoxes', () => {
  it('scales boxes from the original film to the displayed copy', () => {
    const [box] = levelBoxes([l3], { width: 2048, height: 2500 }, { width: 1024, height: 1250 });
    expect(box).toEqual({ level: 'L3', counted: true, x: 50, y: 100, width: 25, height: 20 });
  });

  it('leaves them alone when the copy is the original size', () => {
    const [box] = levelBoxes([l3], { width: 446, height: 659 }, { width: 446, height: 659 });
    expect(box).toMatchObject({ x: 100, y: 200, width: 50, height: 40 });
  });

  it('takes them as displayed pixels when the original size is unknown', () => {
    const [box] = levelBoxes([l3], null, { width: 300, height: 300 });
    expect(box).toMatchObject({ x: 100, y: 200 });
  });
});

describe('levelLabel', () => {
  it('says when a cut vertebra is not counted', () => {
    expect(levelLabel({ level: 'L3', counted: true })).toBe('L3');
    expect(levelLabel({ level: 'T11', counted: false })).toBe('T11 (cut, not counted)');
  });
});
