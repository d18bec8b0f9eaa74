import { describe, expect, it } from 'vitest';
import { GLYPHS } from './font-glyphs.js';
import { CHAR_ADVANCE, GLYPH_HEIGHT, GLYPH_WIDTH, drawText, hasGlyph, textWidth } from './font.js';

const RED = [255, 0, 0] as const;

function inkedPixels(rgb: Uint8Array, width: number): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < rgb.length / 3; i++)
    if (rgb[3 * i] === 255) points.push({ x: i % width, y: Math.floor(i / width) });
  return points;
}

describe('bitmap font', () => {
  it('has every required character, each 5 × 7', () => {
    for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -+.:/()%×°') expect(hasGlyph(char)).toBe(true);
    for (const rows of Object.values(GLYPHS)) {
      expect(rows).toHaveLength(GLYPH_HEIGHT);
      for (const row of rows) expect(row).toMatch(new RegExp(`^[#.]{${GLYPH_WIDTH}}$`));
    }
  });

  it('gives different characters different glyphs', () => {
    const seen = new Map<string, string>();
    for (const [char, rows] of Object.entries(GLYPHS)) {
      const key = rows.join('');
      expect(seen.get(key), `${char} looks like ${seen.get(key)}`).toBeUndefined();
      seen.set(key, char);
    }
  });
});

describe('drawText', () => {
  it('puts ink inside the text box and nowhere else', () => {
    const width = 40;
    const height = 12;
    const rgb = new Uint8Array(width * height * 3);
    const drawn = drawText(rgb, width, height, 2, 3, 'L3', RED, 1);
    expect(drawn).toBe(textWidth('L3'));
    expect(drawn).toBe(2 * CHAR_ADVANCE - 1);
    const ink = inkedPixels(rgb, width);
    // 'L' has 11 ink pixels and '3' has 14.
    expect(ink).toHaveLength(25);
    for (const { x, y } of ink) {
      expect(x).toBeGreaterThanOrEqual(2);
      expect(x).toBeLessThan(2 + drawn);
      expect(y).toBeGreaterThanOrEqual(3);
      expect(y).toBeLessThan(3 + GLYPH_HEIGHT);
    }
    // The vertical stroke of the L.
    for (let y = 3; y < 10; y++) expect(rgb[3 * (y * width + 2)]).toBe(255);
  });

  it('scales each font pixel to a block', () => {
    const width = 20;
    const rgb1 = new Uint8Array(width * 20 * 3);
    const rgb3 = new Uint8Array(width * 30 * 3);
    drawText(rgb1, width, 20, 0, 0, 'T', RED, 1);
    drawText(rgb3, width, 30, 0, 0, 'T', RED, 3);
    expect(inkedPixels(rgb3, width)).toHaveLength(9 * inkedPixels(rgb1, width).length);
    expect(textWidth('T', 3)).toBe(15);
  });

  it('draws lower case as upper case and unknown characters as ?', () => {
    const a = new Uint8Array(30 * 8 * 3);
    const b = new Uint8Array(30 * 8 * 3);
    drawText(a, 30, 8, 0, 0, 'l5', RED);
    drawText(b, 30, 8, 0, 0, 'L5', RED);
    expect(a).toEqual(b);
    const c = new Uint8Array(30 * 8 * 3);
    const d = new Uint8Array(30 * 8 * 3);
    drawText(c, 30, 8, 0, 0, '✓', RED);
    drawText(d, 30, 8, 0, 0, '?', RED);
    expect(c).toEqual(d);
  });

  it('clips at the image edges', () => {
    const rgb = new Uint8Array(6 * 4 * 3);
    expect(() => drawText(rgb, 6, 4, -3, -2, 'WIDE TEXT', RED, 2)).not.toThrow();
    expect(inkedPixels(rgb, 6).length).toBeGreaterThan(0);
    expect(rgb.length).toBe(6 * 4 * 3);
  });
});
