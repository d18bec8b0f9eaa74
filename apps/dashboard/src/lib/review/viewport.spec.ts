import { describe, expect, it } from 'vitest';
import {
  clampPan,
  fitTransform,
  imageToScreen,
  panBy,
  screenToImage,
  zoomAbout,
  zoomLimits,
} from './viewport';

describe('fitTransform', () => {
  it('fits a portrait film into a landscape view, centred', () => {
    const t = fitTransform({ width: 400, height: 800 }, { width: 1000, height: 416 }, 8);
    expect(t.scale).toBeCloseTo(0.5);
    expect(t.x).toBeCloseTo(400);
    expect(t.y).toBeCloseTo(8);
  });

  it('enlarges a small image', () => {
    expect(fitTransform({ width: 100, height: 100 }, { width: 416, height: 416 }, 8).scale).toBe(4);
  });
});

describe('screen and image coordinates', () => {
  it('are inverse of each other', () => {
    const t = { scale: 2.5, x: -40, y: 13 };
    const p = { x: 123.4, y: 56.7 };
    const back = screenToImage(t, imageToScreen(t, p));
    expect(back.x).toBeCloseTo(p.x);
    expect(back.y).toBeCloseTo(p.y);
  });
});

describe('zoomAbout', () => {
  const limits = { min: 0.1, max: 10 };

  it('keeps the image point under the cursor still', () => {
    const t = { scale: 1, x: 10, y: 20 };
    const anchor = { x: 300, y: 200 };
    const before = screenToImage(t, anchor);
    const zoomed = zoomAbout(t, 2, anchor, limits);
    expect(zoomed.scale).toBe(2);
    const after = screenToImage(zoomed, anchor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('stops at the limits, still about the anchor', () => {
    const t = { scale: 8, x: 0, y: 0 };
    const zoomed = zoomAbout(t, 4, { x: 100, y: 100 }, limits);
    expect(zoomed.scale).toBe(10);
    expect(screenToImage(zoomed, { x: 100, y: 100 }).x).toBeCloseTo(12.5);
    expect(zoomAbout({ scale: 0.1, x: 0, y: 0 }, 0.5, { x: 0, y: 0 }, limits).scale).toBe(0.1);
  });

  it('limits run from a quarter of the fit to at least 16×', () => {
    expect(zoomLimits(0.8)).toEqual({ min: 0.2, max: 16 });
    expect(zoomLimits(8)).toEqual({ min: 2, max: 32 });
  });
});

describe('panning', () => {
  const image = { width: 500, height: 1000 };
  const view = { width: 800, height: 600 };

  it('moves by the screen delta', () => {
    expect(panBy({ scale: 1, x: 5, y: 5 }, 10, -20)).toEqual({ scale: 1, x: 15, y: -15 });
  });

  it('leaves a free position alone', () => {
    const t = { scale: 1, x: 100, y: -200 };
    expect(clampPan(t, image, view)).toEqual(t);
  });

  it('keeps a margin of the image in view', () => {
    expect(clampPan({ scale: 1, x: 5000, y: 5000 }, image, view, 64)).toEqual({ scale: 1, x: 736, y: 536 });
    expect(clampPan({ scale: 1, x: -5000, y: -5000 }, image, view, 64)).toEqual({
      scale: 1,
      x: -436,
      y: -936,
    });
  });

  it('shrinks the margin for a tiny image', () => {
    const tiny = clampPan({ scale: 1, x: 9999, y: 0 }, { width: 10, height: 10 }, view, 64);
    expect(tiny.x).toBe(790);
  });
});
