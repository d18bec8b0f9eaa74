import { describe, expect, it } from 'vitest';
import { evaluate } from '../verdict.js';
import { apScene, criterion, input, lateralScene } from '../testing/scenes.js';
import { fillRect } from '../testing/draw.js';

const field = (verdict: ReturnType<typeof evaluate>) => criterion(verdict, 'vertebrae-in-field');

describe('vertebrae-in-field', () => {
  it('passes seven vertebrae T11–L5', () => {
    const result = field(evaluate(input('ap', apScene())));
    expect(result).toMatchObject({ passed: true, value: 7, range: [7, 7], unit: 'vertebrae' });
    expect(result.message).toBe('7 vertebrae in field (T11–L5)');
    expect(result.correction).toBeUndefined();
  });

  it('does not count a sliver of T10 at the top edge', () => {
    // T10 drawn from row -24: 4 of its 28 rows are inside the image.
    const verdict = evaluate(input('ap', apScene({ top: 'T10', firstRow: -24 })));
    expect(field(verdict)).toMatchObject({ passed: true, value: 7 });
    expect(field(verdict).message).toContain('T10 cut at the top edge (14 %), not counted');
    expect(verdict.vertebrae[0]).toMatchObject({ level: 'T10', counted: false });
    expect(verdict.vertebrae[0].visibleFraction).toBeCloseTo(4 / 28, 10);
  });

  it('counts T11 cut to 60 % at the top edge', () => {
    const verdict = evaluate(input('ap', apScene({ firstRow: -11 })));
    expect(field(verdict)).toMatchObject({ passed: true, value: 7 });
    expect(verdict.vertebrae[0]).toMatchObject({ level: 'T11', counted: true });
    expect(verdict.vertebrae[0].visibleFraction).toBeCloseTo(17 / 28, 10);
  });

  it('fails when L5 is cut to 30 %, asking to extend the field caudally', () => {
    // Bodies 30 px + 10 px discs: L5 starts at row 280; 289 rows show 9 of its 30 rows.
    const verdict = evaluate(input('lateral', lateralScene({ bodyHeight: 30, height: 289 })));
    const result = field(verdict);
    expect(result).toMatchObject({ passed: false, value: 6 });
    expect(result.message).toContain('6 vertebrae in field (T11–L4)');
    expect(result.message).toContain('L5 cut at the bottom edge (30 %), not counted');
    expect(result.correction).toBe('L5 cut: extend the field caudally (~40 mm)');
  });

  it('fails nine vertebrae, asking to reduce the field cranially by about two levels', () => {
    const result = field(evaluate(input('ap', apScene({ top: 'T9', firstRow: 10 }))));
    expect(result).toMatchObject({ passed: false, value: 9 });
    expect(result.message).toBe('9 vertebrae in field (T9–L5)');
    // Two levels of 28 px body + 10 px disc at 1 mm/px = 76 mm.
    expect(result.correction).toBe('reduce the field cranially to T11 (~75 mm)');
  });

  it('converts the distance with the row pixel spacing', () => {
    const scene = apScene({ top: 'T9', firstRow: 10 });
    const result = field(evaluate(input('ap', scene, undefined, [0.5, 0.5])));
    expect(result.correction).toBe('reduce the field cranially to T11 (~40 mm)');
  });

  it('asks to extend the field cranially when T11 is missing', () => {
    const result = field(evaluate(input('ap', apScene({ top: 'T12' }))));
    expect(result).toMatchObject({ passed: false, value: 6 });
    expect(result.correction).toBe('T11 missing: extend the field cranially (~40 mm)');
  });

  it('asks to move the field caudally when it starts and ends one level too high', () => {
    const result = field(evaluate(input('ap', apScene({ top: 'T10', bottom: 'L4' }))));
    expect(result).toMatchObject({ passed: false, value: 7 });
    expect(result.correction).toBe('L5 cut: move the field caudally (~40 mm)');
  });

  it('fails and names a level missing inside T11–L5', () => {
    const scene = apScene();
    fillRect(scene.set, scene.set.levels, scene.bodies.L2!, 0);
    const result = field(evaluate(input('ap', scene)));
    expect(result).toMatchObject({ passed: false, value: 6 });
    expect(result.message).toContain('L2 not identified');
    expect(result.correction).toContain('L2 not identified');
  });
});
