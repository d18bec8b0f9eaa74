import { describe, expect, it } from 'vitest';
import { composeContactSheet, type ContactSheetTile } from './contact-sheet.js';
import { ImagingError } from './errors.js';

function tile(
  width: number,
  height: number,
  colour: [number, number, number],
  caption: string,
): ContactSheetTile {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) rgb.set(colour, 3 * i);
  return { width, height, rgb, caption };
}

function at(sheet: { width: number; rgb: Uint8Array }, x: number, y: number): number[] {
  const o = 3 * (y * sheet.width + x);
  return [sheet.rgb[o], sheet.rgb[o + 1], sheet.rgb[o + 2]];
}

function countColour(
  sheet: { width: number; rgb: Uint8Array },
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  colour: number[],
): number {
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) if (at(sheet, x, y).every((c, i) => c === colour[i])) n++;
  return n;
}

describe('composeContactSheet', () => {
  const tiles = [
    tile(200, 100, [255, 0, 0], 'CASE-1 AP'),
    tile(50, 50, [0, 255, 0], 'CASE-2 LATERAL'),
    tile(100, 300, [0, 0, 255], 'CASE-3 OBLIQUE'),
  ];

  it('resizes tiles to one width and lays them out in a grid with captions under each', () => {
    const sheet = composeContactSheet(tiles, 2, { tileWidth: 96 });
    // Two columns of 96 px with 8 px padding around and between them.
    expect(sheet.width).toBe(2 * 96 + 3 * 8);
    // Row 1: tallest tile 96 (the square), caption 4 + 10; row 2: 288 + 14; padding 8 × 3.
    expect(sheet.height).toBe(8 + (96 + 14) + 8 + (288 + 14) + 8);
    expect(sheet.rgb.length).toBe(sheet.width * sheet.height * 3);

    // Tile 1 (200 × 100 → 96 × 48) at (8, 8); tile 2 (→ 96 × 96) at (112, 8); tile 3 (→ 96 × 288) at (8, 126).
    expect(at(sheet, 8 + 48, 8 + 24)).toEqual([255, 0, 0]);
    expect(at(sheet, 112 + 48, 8 + 48)).toEqual([0, 255, 0]);
    expect(at(sheet, 8 + 48, 126 + 144)).toEqual([0, 0, 255]);
    expect(at(sheet, 112 + 48, 126 + 144)).toEqual([32, 32, 32]);
    // Below the short first tile: its caption in white, then background.
    expect(countColour(sheet, 8, 104, 8 + 48 + 4, 8 + 48 + 11, [255, 255, 255])).toBeGreaterThan(20);
    expect(at(sheet, 8 + 48, 8 + 80)).toEqual([32, 32, 32]);
    expect(countColour(sheet, 112, 208, 8 + 96 + 4, 8 + 96 + 11, [255, 255, 255])).toBeGreaterThan(20);
  });

  it('puts a title above the grid and picks dark ink on a light background', () => {
    const sheet = composeContactSheet(tiles.slice(0, 1), 1, {
      tileWidth: 200,
      title: 'PHANTOM SEED 7',
      background: [250, 250, 250],
    });
    // Title at text scale 2: 14 px glyphs + 6 px line spacing, then 8 px padding.
    expect(sheet.height).toBe(8 + 20 + 8 + 100 + 14 + 8);
    expect(countColour(sheet, 8, sheet.width, 8, 22, [0, 0, 0])).toBeGreaterThan(50);
    expect(at(sheet, 8 + 100, 36 + 50)).toEqual([255, 0, 0]);
    expect(countColour(sheet, 8, 208, 36 + 100 + 4, 36 + 100 + 11, [0, 0, 0])).toBeGreaterThan(20);
  });

  it('wraps long captions and cuts them after four lines', () => {
    const long =
      'A VERY LONG CAPTION THAT GOES ON AND ON ABOUT THE CASE AND ITS MANY FAILED CRITERIA AND MORE';
    const sheet = composeContactSheet([tile(40, 40, [9, 9, 9], long)], 1, { tileWidth: 60 });
    expect(sheet.height).toBe(8 + 60 + 4 + 4 * 10 + 8);
  });

  it('refuses a bad column count or a tile of the wrong size', () => {
    expect(() => composeContactSheet(tiles, 0)).toThrow(ImagingError);
    expect(() => composeContactSheet([{ ...tiles[0], rgb: new Uint8Array(5) }], 1)).toThrow(/tile 0/);
  });

  it('returns a blank sheet for no tiles', () => {
    const sheet = composeContactSheet([], 3, { tileWidth: 32 });
    expect(sheet.width).toBe(3 * 32 + 4 * 8);
    expect(sheet.height).toBe(8);
  });
});
