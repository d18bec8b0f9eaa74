import { describe, expect, it } from 'vitest';
import type { Assessment } from './assess.js';
import { decodePng, shrinkGrey, STRUCTURE_COLOURS } from '@spineqc/imaging';
import { STRUCTURES, structuresToHighlight, type MaskSet, type Structure } from '@spineqc/qc-standard';
import { reviewThumbnail, THUMBNAIL_MAX_HEIGHT } from './review-render.js';

describe('shrinkGrey', () => {
  it('averages each block of source pixels', () => {
    const pixels = Uint16Array.from([0, 2, 10, 20, 4, 6, 30, 40]); // 4 × 2
    expect([...shrinkGrey(pixels, 4, 2, 2, 1)]).toEqual([3, 25]);
    expect(shrinkGrey(pixels, 4, 2, 4, 2)).toBe(pixels);
  });
});

describe('structuresToHighlight', () => {
  it('names the structures the failed criteria are measured on, once each', () => {
    expect(structuresToHighlight(['vertebrae-in-field', 'spinous-process-midline'])).toEqual([
      'vertebral-body',
      'spinous-process',
    ]);
    expect(structuresToHighlight(['exposure'])).toEqual([]);
  });
});

describe('reviewThumbnail', () => {
  /** A 400 × 1000 film whose pelvis mask is its lower half, failing "pelvis in field". */
  function fakeAssessment(): Assessment {
    const width = 400;
    const height = 1000;
    const masksAt = (w: number, h: number): MaskSet => {
      const masks = Object.fromEntries(STRUCTURES.map((s) => [s, new Uint8Array(w * h)])) as Record<
        Structure,
        Uint8Array
      >;
      masks.pelvis.fill(1, (h / 2) * w);
      return { width: w, height: h, masks, levels: new Uint8Array(w * h) };
    };
    return {
      radiograph: { width, height, pixels: new Uint16Array(width * height).fill(2000), bitDepth: 12 },
      verdict: { criteria: [{ id: 'pelvis-in-field', passed: false }] },
      segmentation: { masksAt },
    } as unknown as Assessment;
  }

  it('is a PNG at most 320 px tall with the failing structure coloured', () => {
    const png = decodePng(reviewThumbnail(fakeAssessment()));
    expect(png.height).toBe(THUMBNAIL_MAX_HEIGHT);
    expect(png.width).toBe(128);
    expect(png.channels).toBe(3);
    const at = (x: number, y: number) => [
      ...png.data.slice((y * png.width + x) * 3, (y * png.width + x) * 3 + 3),
    ];
    const [top, bottom] = [at(64, 40), at(64, 280)];
    expect(top[0]).toBe(top[2]); // grey film
    const rose = STRUCTURE_COLOURS.pelvis;
    expect(bottom[0] - bottom[2]).toBeGreaterThan(0); // tinted towards the pelvis colour
    expect(Math.sign(bottom[0] - bottom[1])).toBe(Math.sign(rose[0] - rose[1]));
  });
});
