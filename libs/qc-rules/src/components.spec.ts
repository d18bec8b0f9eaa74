import { describe, expect, it } from 'vitest';
import { countPixels, labelComponents } from './components.js';

/** Parses a picture: '.' = 0, digits = values. */
function picture(rows: string[]): { data: Uint8Array; width: number; height: number } {
  const width = rows[0].length;
  const data = Uint8Array.from(rows.join('').split(''), (ch) => (ch === '.' ? 0 : Number(ch)));
  return { data, width, height: rows.length };
}

describe('labelComponents', () => {
  it('joins diagonal neighbours (8-connectivity) and reports size, centroid, span and border contact', () => {
    const { data, width, height } = picture(['.....', '.1...', '..1..', '...1.', '.....']);
    const [c] = labelComponents(data, width, height, 'binary');
    expect(labelComponents(data, width, height, 'binary')).toHaveLength(1);
    expect(c).toMatchObject({
      area: 3,
      cx: 2,
      cy: 2,
      minX: 1,
      maxX: 3,
      minY: 1,
      maxY: 3,
      touchesBorder: false,
    });
  });

  it('merges a U shape whose arms meet only at the bottom', () => {
    const { data, width, height } = picture(['1...1', '1...1', '1...1', '11111']);
    const comps = labelComponents(data, width, height, 'binary');
    expect(comps).toHaveLength(1);
    expect(comps[0].area).toBe(11);
    expect(comps[0].touchesBorder).toBe(true);
  });

  it('keeps touching regions of different values apart in by-value mode, but not in binary mode', () => {
    const { data, width, height } = picture(['......', '.1122.', '.1122.', '......']);
    const byValue = labelComponents(data, width, height, 'by-value');
    expect(byValue.map((c) => [c.value, c.area])).toEqual([
      [1, 4],
      [2, 4],
    ]);
    expect(labelComponents(data, width, height, 'binary')).toHaveLength(1);
  });

  it('finds separate components and treats any non-zero as foreground in binary mode', () => {
    const { data, width, height } = picture(['9.....', '......', '...33.']);
    const comps = labelComponents(data, width, height, 'binary');
    expect(comps.map((c) => [c.value, c.area, c.touchesBorder])).toEqual([
      [1, 1, true],
      [1, 2, true],
    ]);
    expect(countPixels(data)).toBe(3);
  });
});
