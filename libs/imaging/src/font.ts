import { GLYPHS } from './font-glyphs.js';

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
/** Horizontal pitch of one character (glyph plus one column of spacing), before scaling. */
export const CHAR_ADVANCE = GLYPH_WIDTH + 1;

/** Characters that look alike enough to share a glyph; anything else unknown draws as '?'. */
const ALIASES: Record<string, string> = {
  '–': '-',
  '—': '-',
  '−': '-',
  '*': '×',
  '[': '(',
  ']': ')',
  '±': '+',
};

/** Glyph bitmaps as 0/1 rows, built once. */
const BITMAPS = new Map<string, Uint8Array>(
  Object.entries(GLYPHS).map(([char, rows]) => [
    char,
    Uint8Array.from(rows.join(''), (cell) => (cell === '#' ? 1 : 0)),
  ]),
);

export function hasGlyph(char: string): boolean {
  return BITMAPS.has(char) || BITMAPS.has(char.toUpperCase());
}

/** Width in pixels that `drawText` covers for `text` at `scale`. */
export function textWidth(text: string, scale = 1): number {
  const length = [...text].length;
  return length === 0 ? 0 : (length * CHAR_ADVANCE - 1) * scale;
}

export function textHeight(scale = 1): number {
  return GLYPH_HEIGHT * scale;
}

/**
 * Draws `text` into an RGB image with its top-left corner at (x, y), each font pixel a
 * `scale`×`scale` block; lower case is drawn as upper case and pixels outside the image are
 * clipped. Returns the width drawn.
 */
export function drawText(
  rgb: Uint8Array,
  width: number,
  height: number,
  x: number,
  y: number,
  text: string,
  colour: readonly [number, number, number],
  scale = 1,
): number {
  const size = Math.max(1, Math.round(scale));
  let penX = Math.round(x);
  const top = Math.round(y);
  for (const char of text) {
    const bitmap = glyphFor(char);
    for (let row = 0; row < GLYPH_HEIGHT; row++) {
      for (let col = 0; col < GLYPH_WIDTH; col++) {
        if (bitmap[row * GLYPH_WIDTH + col]) {
          fillBlock(rgb, width, height, penX + col * size, top + row * size, size, colour);
        }
      }
    }
    penX += CHAR_ADVANCE * size;
  }
  return textWidth(text, size);
}

function glyphFor(char: string): Uint8Array {
  const aliased = ALIASES[char] ?? char;
  return BITMAPS.get(aliased) ?? BITMAPS.get(aliased.toUpperCase()) ?? (BITMAPS.get('?') as Uint8Array);
}

function fillBlock(
  rgb: Uint8Array,
  width: number,
  height: number,
  x0: number,
  y0: number,
  size: number,
  colour: readonly [number, number, number],
): void {
  const xStart = Math.max(0, x0);
  const yStart = Math.max(0, y0);
  const xEnd = Math.min(width, x0 + size);
  const yEnd = Math.min(height, y0 + size);
  for (let y = yStart; y < yEnd; y++) {
    for (let x = xStart; x < xEnd; x++) {
      const o = (y * width + x) * 3;
      rgb[o] = colour[0];
      rgb[o + 1] = colour[1];
      rgb[o + 2] = colour[2];
    }
  }
}
