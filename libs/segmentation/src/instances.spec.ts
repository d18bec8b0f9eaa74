import { LEVELS, levelCode, type Level } from '@spineqc/qc-standard';
import { describe, expect, it } from 'vitest';
import { assignLevels, findBodies } from './instances.js';

const CLASSES = LEVELS.length + 1;

/** A body mask and level-head output painted from rectangles: each with the level the head favours. */
function scene(
  width: number,
  height: number,
  bodies: { x: number; y: number; w: number; h: number; level: Level }[],
) {
  const plane = width * height;
  const body = new Uint8Array(plane);
  const probs = new Float32Array(CLASSES * plane);
  for (let i = 0; i < plane; i++) probs[i] = 1; // background everywhere first
  for (const r of bodies)
    for (let y = r.y; y < r.y + r.h; y++)
      for (let x = r.x; x < r.x + r.w; x++) {
        const p = y * width + x;
        body[p] = 1;
        for (let k = 0; k < CLASSES; k++) probs[k * plane + p] = 0.2 / (CLASSES - 1);
        probs[levelCode(r.level) * plane + p] = 0.8;
      }
  return { body, probs, at: (x: number, y: number) => y * width + x };
}

/** Mean level evidence of one body: `p` on the given levels (split evenly), the rest spread thin. */
function evidence(levels: Level[], p = 0.9): Float64Array {
  const mean = new Float64Array(LEVELS.length).fill((1 - p) / (LEVELS.length - levels.length || 1));
  for (const level of levels) mean[levelCode(level) - 1] = p / levels.length;
  return mean;
}

const ambiguous = () => new Float64Array(LEVELS.length).fill(1 / LEVELS.length);
const code = (level: Level) => levelCode(level);

describe('findBodies', () => {
  it('splits one connected component where the level head sees two levels', () => {
    // L3 and L4 touch at the model's resolution: one 6 × 12 blob, top half L3, bottom half L4.
    const { body, probs, at } = scene(10, 16, [
      { x: 2, y: 2, w: 6, h: 6, level: 'L3' },
      { x: 2, y: 8, w: 6, h: 6, level: 'L4' },
    ]);
    const result = findBodies(body, probs, 10, 16);
    expect(result.bodies.map((b) => b.code)).toEqual([code('L3'), code('L4')]);
    expect(result.bodies.map((b) => b.area)).toEqual([36, 36]);
    expect(result.codes[at(4, 3)]).toBe(code('L3'));
    expect(result.codes[at(4, 12)]).toBe(code('L4'));
    expect(result.codes[at(0, 0)]).toBe(0);
  });

  it('keeps a component whole when one level dominates it', () => {
    const { body, probs, at } = scene(10, 16, [
      { x: 2, y: 2, w: 6, h: 10, level: 'L2' },
      { x: 2, y: 12, w: 6, h: 2, level: 'L3' }, // 12 px: a fringe, under half a typical body
    ]);
    const result = findBodies(body, probs, 10, 16);
    expect(result.bodies).toHaveLength(1);
    expect(result.bodies[0].area).toBe(72);
    expect(result.codes[at(4, 13)]).toBe(result.codes[at(4, 3)]);
  });

  it('cuts a region twice the typical body height at its waist, even when the level head sees one level', () => {
    // Three 6-row bodies and a 13-row blob (two bodies fused across a thin disc) with a waist.
    const { body, probs } = scene(12, 40, [
      { x: 2, y: 1, w: 6, h: 6, level: 'T12' },
      { x: 2, y: 9, w: 6, h: 6, level: 'L1' },
      { x: 2, y: 17, w: 6, h: 6, level: 'L2' },
      { x: 2, y: 25, w: 6, h: 13, level: 'L4' },
    ]);
    const waist = 25 + 6; // the disc row: narrow it to one pixel
    for (let x = 2; x < 8; x++) if (x !== 4) body[waist * 12 + x] = 0;
    const result = findBodies(body, probs, 12, 40);
    expect(result.bodies).toHaveLength(5);
    const codes = result.bodies.map((b) => b.code);
    for (let i = 1; i < codes.length; i++) expect(codes[i]).toBeGreaterThan(codes[i - 1]);
  });

  it('drops specks smaller than a fifth of the median body (and under 4 pixels always)', () => {
    const { body, probs, at } = scene(20, 30, [
      { x: 2, y: 2, w: 5, h: 5, level: 'L3' },
      { x: 2, y: 10, w: 5, h: 5, level: 'L4' },
      { x: 2, y: 18, w: 5, h: 5, level: 'L5' },
      { x: 12, y: 5, w: 2, h: 2, level: 'L4' }, // 4 px < 0.2 × 25
      { x: 12, y: 20, w: 1, h: 1, level: 'L5' },
    ]);
    const result = findBodies(body, probs, 20, 30);
    expect(result.bodies.map((b) => b.code)).toEqual([code('L3'), code('L4'), code('L5')]);
    expect(result.codes[at(12, 5)]).toBe(0);
    expect(result.codes[at(12, 20)]).toBe(0);
  });

  it('reports the level confidence as the mean normalised probability of the assigned level', () => {
    const { body, probs } = scene(10, 10, [{ x: 1, y: 1, w: 4, h: 4, level: 'L1' }]);
    const [only] = findBodies(body, probs, 10, 10).bodies;
    // 0.8 of the 0.8 + 11 × 0.2/12 that the level classes hold.
    expect(only.levelConfidence).toBeCloseTo(0.8 / (0.8 + (11 * 0.2) / 12), 6);
  });

  it('finds nothing in an empty mask', () => {
    const result = findBodies(new Uint8Array(64), new Float32Array(CLASSES * 64), 8, 8);
    expect(result.bodies).toEqual([]);
    expect(result.codes.every((c) => c === 0)).toBe(true);
  });
});

describe('assignLevels', () => {
  it('follows clear evidence', () => {
    const levels: Level[] = ['T12', 'L1', 'L2', 'L3', 'L4', 'L5'];
    expect(assignLevels(levels.map((l) => evidence([l])))).toEqual(levels.map(code));
  });

  it('gives non-decreasing codes even when the evidence goes backwards', () => {
    const cases: Level[][] = [
      ['L4', 'L2', 'L5', 'L1'],
      ['T6', 'T7', 'T6'],
    ];
    for (const levels of cases) {
      const codes = assignLevels(levels.map((l) => evidence([l])));
      expect(codes).toHaveLength(levels.length);
      for (let i = 1; i < codes.length; i++) expect(codes[i]).toBeGreaterThanOrEqual(codes[i - 1]);
      expect(codes.every((c) => c >= 1 && c <= LEVELS.length)).toBe(true);
    }
  });

  it('gives two successive pieces with the same clear level one code (one body found in two pieces)', () => {
    expect(assignLevels(['L2', 'L3', 'L3', 'L4'].map((l) => evidence([l as Level])))).toEqual(
      ['L2', 'L3', 'L3', 'L4'].map((l) => code(l as Level)),
    );
  });

  it('bridges a missed body with a gap instead of renumbering the others', () => {
    // L3 was not found: the bodies say L1, L2, L4, L5.
    const codes = assignLevels(['L1', 'L2', 'L4', 'L5'].map((l) => evidence([l as Level])));
    expect(codes).toEqual(['L1', 'L2', 'L4', 'L5'].map((l) => code(l as Level)));
  });

  it('counts up from the sacrum-anchored bottom body when the bodies above are ambiguous', () => {
    const codes = assignLevels([ambiguous(), ambiguous(), ambiguous(), evidence(['L5'])]);
    expect(codes).toEqual(['L2', 'L3', 'L4', 'L5'].map((l) => code(l as Level)));
  });

  it('lets one doubtful body not break the count', () => {
    // The third body leans to T12 (a misjudged body); its neighbours fix it at L3.
    const means = [
      evidence(['L1']),
      evidence(['L2']),
      evidence(['T12'], 0.4),
      evidence(['L4']),
      evidence(['L5']),
    ];
    expect(assignLevels(means)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5'].map((l) => code(l as Level)));
  });

  it('anchors the bottom body at L5 when no body has usable evidence', () => {
    expect(assignLevels([ambiguous(), ambiguous(), ambiguous()])).toEqual([10, 11, 12]);
    expect(assignLevels([ambiguous()])).toEqual([code('L5')]);
  });

  it('settles a body split evenly between two levels at the caudal one', () => {
    expect(assignLevels([evidence(['L4', 'L5'])])).toEqual([code('L5')]);
  });

  it('handles no bodies and more bodies than levels', () => {
    expect(assignLevels([])).toEqual([]);
    const many = Array.from({ length: LEVELS.length + 2 }, () => ambiguous());
    const codes = assignLevels(many);
    expect(codes).toHaveLength(many.length);
    const counted = codes.slice(2);
    expect(counted).toEqual(LEVELS.map((l) => code(l)));
    expect(codes.slice(0, 2)).toEqual([1, 1]);
  });
});
