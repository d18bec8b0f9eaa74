import { ImagingError, assertImageSize } from './errors.js';
import { CHAR_ADVANCE, drawText, textHeight, textWidth } from './font.js';
import { resizeRgb, type RgbImage } from './resample.js';

export interface ContactSheetTile extends RgbImage {
  caption: string;
}

export interface ContactSheetOptions {
  /** Width every tile is resized to (aspect ratio kept). Default 256. */
  tileWidth?: number;
  /** Default dark grey, so radiographs and coloured overlays both read well. */
  background?: [number, number, number];
  title?: string;
}

const PADDING = 8;
const CAPTION_GAP = 4;
const LINE_SPACING = 3;
const MAX_CAPTION_LINES = 4;
const TITLE_SCALE = 2;

/** Tiles resized to one width and laid out in a grid, row by row, each with its caption underneath. */
export function composeContactSheet(
  tiles: ContactSheetTile[],
  columns: number,
  options: ContactSheetOptions = {},
): RgbImage {
  if (!Number.isInteger(columns) || columns < 1) {
    throw new ImagingError(
      'INVALID_IMAGE',
      `composeContactSheet: columns must be a positive integer, got ${columns}`,
    );
  }
  const tileWidth = options.tileWidth ?? 256;
  if (!Number.isInteger(tileWidth) || tileWidth < 8) {
    throw new ImagingError(
      'INVALID_IMAGE',
      `composeContactSheet: tileWidth must be an integer ≥ 8, got ${tileWidth}`,
    );
  }
  const background = options.background ?? [32, 32, 32];
  const ink: [number, number, number] =
    0.299 * background[0] + 0.587 * background[1] + 0.114 * background[2] > 128 ? [0, 0, 0] : [255, 255, 255];

  const resized = tiles.map((tile, i) => {
    assertImageSize(`composeContactSheet tile ${i}`, tile.rgb.length, tile.width, tile.height, 3);
    const height = Math.max(1, Math.round((tile.height * tileWidth) / tile.width));
    return {
      image: resizeRgb(tile, tileWidth, height),
      lines: wrap(tile.caption, tileWidth, 1, MAX_CAPTION_LINES),
    };
  });

  const width = columns * tileWidth + (columns + 1) * PADDING;
  const titleLines = options.title ? wrap(options.title, width - 2 * PADDING, TITLE_SCALE) : [];
  const titleHeight = titleLines.length ? titleLines.length * lineHeight(TITLE_SCALE) + PADDING : 0;
  const rowCount = Math.ceil(resized.length / columns);
  const rowHeights: number[] = [];
  for (let r = 0; r < rowCount; r++) {
    const row = resized.slice(r * columns, (r + 1) * columns);
    const imageHeight = Math.max(...row.map((t) => t.image.height));
    const lines = Math.max(...row.map((t) => t.lines.length));
    rowHeights.push(imageHeight + (lines ? CAPTION_GAP + lines * lineHeight(1) : 0));
  }
  const height = PADDING + titleHeight + rowHeights.reduce((sum, h) => sum + h + PADDING, 0);

  const sheet = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) sheet.set(background, 3 * i);
  titleLines.forEach((line, i) =>
    drawText(sheet, width, height, PADDING, PADDING + i * lineHeight(TITLE_SCALE), line, ink, TITLE_SCALE),
  );

  let top = PADDING + titleHeight;
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < columns; c++) {
      const tile = resized[r * columns + c];
      if (!tile) break;
      const left = PADDING + c * (tileWidth + PADDING);
      blit(sheet, width, tile.image, left, top);
      const captionTop = top + tile.image.height + CAPTION_GAP;
      tile.lines.forEach((line, i) =>
        drawText(sheet, width, height, left, captionTop + i * lineHeight(1), line, ink, 1),
      );
    }
    top += rowHeights[r] + PADDING;
  }
  return { width, height, rgb: sheet };
}

function lineHeight(scale: number): number {
  return textHeight(scale) + LINE_SPACING * scale;
}

/** Word-wraps `text` to `maxWidth` pixels; over-long words are split, and past the line limit the text is cut with "..". */
function wrap(text: string, maxWidth: number, scale: number, maxLines = Infinity): string[] {
  const maxChars = Math.max(1, Math.floor((maxWidth / scale + 1) / CHAR_ADVANCE));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > 0) {
      const candidate = line ? `${line} ${rest}` : rest;
      if (textWidth(candidate, scale) <= maxWidth) {
        line = candidate;
        rest = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, maxChars));
        rest = rest.slice(maxChars);
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, Math.max(0, maxChars - 2))}..`;
    return kept;
  }
  return lines;
}

function blit(sheet: Uint8Array, sheetWidth: number, image: RgbImage, left: number, top: number): void {
  for (let y = 0; y < image.height; y++) {
    const src = y * image.width * 3;
    sheet.set(image.rgb.subarray(src, src + image.width * 3), ((top + y) * sheetWidth + left) * 3);
  }
}
