import { describe, expect, it } from 'vitest';
import { decodePng } from './png.js';
import { renderReviewPixels } from './review-render.js';

describe('renderReviewPixels', () => {
  it('keeps the grey values (16 bits), shrinks to the maximum height and suggests a window inside them', () => {
    const width = 600;
    const height = 2000;
    const pixels = new Uint16Array(width * height);
    // Rows darken to brighten: 1000 at the top, 41_000 at the bottom.
    for (let y = 0; y < height; y++) pixels.fill(1000 + 20 * y, y * width, (y + 1) * width);

    const { png, window } = renderReviewPixels({ pixels, width, height, bitDepth: 16 }, 1024);
    const decoded = decodePng(png);

    expect(decoded.bitDepth).toBe(16);
    expect(decoded.channels).toBe(1);
    expect(decoded.height).toBe(1024);
    expect(decoded.width).toBe(Math.round((width * 1024) / height));
    const grey = decoded.data as Uint16Array;
    expect(grey[0]).toBeGreaterThanOrEqual(1000);
    expect(grey[0]).toBeLessThan(1100);
    expect(grey[grey.length - 1]).toBeGreaterThan(40_000);
    expect(window.centre).toBeGreaterThan(15_000);
    expect(window.centre).toBeLessThan(27_000);
    expect(window.width).toBeGreaterThan(30_000);
  });

  it('leaves a small film at its size', () => {
    const pixels = Uint16Array.from({ length: 64 * 32 }, (_, i) => i);
    const { png } = renderReviewPixels({ pixels, width: 64, height: 32, bitDepth: 12 }, 1024);
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height]).toEqual([64, 32]);
    expect(Array.from(decoded.data as Uint16Array)).toEqual(Array.from(pixels));
  });
});
